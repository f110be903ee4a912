package org.disclosureguard.review.auth;

import java.util.Objects;

/** A signed-in person: the name they signed in with and their role. */
public record Principal(String name, Role role) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean canViewPayloads() {
        return role.canViewPayloads();
    }

    public boolean canDecide() {
        return role.canDecide();
    }

    public boolean canAudit() {
        return role.canAudit();
    }
}
