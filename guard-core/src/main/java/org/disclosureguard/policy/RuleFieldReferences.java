package org.disclosureguard.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The field paths a rule reads from nested records (author.role, incident.category) that the input schema does
 * not have. Nested records reach CEL as dyn maps, so the type checker accepts any field name there; at run time
 * a misspelt one would fail on every record and hold them all. Checking paths at load turns that into a refused
 * policy instead.
 */
final class RuleFieldReferences {
    private RuleFieldReferences() {}

    static Set<String> unknownPaths(CelAbstractSyntaxTree ast, Schema input, Set<String> knownPaths) {
        Set<String> unknown = new TreeSet<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.SELECT)
                .forEach(node -> {
                    String path = selectPath(node.expr());
                    if (path != null && !knownPaths.contains(path)
                            && isRecordRooted(path, input)) {
                        unknown.add(path);
                    }
                });
        return unknown;
    }

    /** "a.b.c" for a chain of field selections on an identifier; null for anything else (a call, a map index). */
    private static String selectPath(CelExpr expr) {
        Deque<String> parts = new ArrayDeque<>();
        CelExpr current = expr;
        while (current.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            parts.addFirst(current.select().field());
            current = current.select().operand();
        }
        if (current.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return null;
        }
        parts.addFirst(current.ident().name());
        return String.join(".", parts);
    }

    /** Only paths under a top-level record field are checked; a map field (attributes) takes any key. */
    private static boolean isRecordRooted(String path, Schema input) {
        Schema.Field root = input.getField(path.substring(0, path.indexOf('.')));
        return root != null && FieldPlan.nonNull(root.schema()).getType() == Schema.Type.RECORD;
    }
}
