package org.disclosureguard.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"disclosure-guard " + (version == null ? "dev" : version)};
    }
}
