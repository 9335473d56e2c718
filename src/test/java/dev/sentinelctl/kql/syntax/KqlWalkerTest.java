package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class KqlWalkerTest {

    @Test
    void nodesOfTypeInTextOrder() {
        ParsedQuery p = KqlParser.parse("T | where a > 1 | extend b = f(a) | project b, c = g(1)");
        List<Expr.FunctionCall> calls = SyntaxWalker.nodesOfType(p.root(), Expr.FunctionCall.class);
        assertEquals(List.of("f", "g"), calls.stream().map(Expr.FunctionCall::functionName).toList());
        assertEquals(3, SyntaxWalker.nodesOfType(p.root(), Expr.Pipe.class).size());
    }

    @Test
    void parentsAndNodeAt() {
        String q = "T | where Account has 'adm'";
        ParsedQuery p = KqlParser.parse(q);
        SyntaxNode at = SyntaxWalker.nodeAt(p.root(), q.indexOf("Account") + 2);
        Name.Identifier id = assertInstanceOf(Name.Identifier.class, at);
        assertEquals("Account", id.simpleName());
        Map<SyntaxNode, SyntaxNode> parents = SyntaxWalker.parents(p.root());
        SyntaxNode ref = parents.get(id);
        assertInstanceOf(Expr.NameRef.class, ref);
        Expr.Binary has = assertInstanceOf(Expr.Binary.class, parents.get(ref));
        assertEquals(BinaryOp.HAS, has.op());
    }
}
