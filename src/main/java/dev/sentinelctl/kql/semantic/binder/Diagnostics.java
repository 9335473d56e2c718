package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the binder's findings with Kusto.Language's codes and messages, plus a hint in a detection
 * engineer's words. Muted while a function body is re-bound for one call site, so a mistake inside a
 * function is reported once, where it is written, not once per call.
 */
final class Diagnostics {

    private final List<KqlDiagnostic> list = new ArrayList<>();
    private int muted;

    void mute() {
        muted++;
    }

    void unmute() {
        muted--;
    }

    List<KqlDiagnostic> list() {
        return list;
    }

    void add(String code, Severity severity, SyntaxElement at, String message, String hint) {
        if (muted > 0 || at == null) return;
        int start = at.start();
        int end = at.end();
        if (start < 0) return;
        list.add(new KqlDiagnostic(code, severity, start, end, message, hint));
    }

    void error(String code, int start, int end, String message, String hint) {
        if (muted > 0 || start < 0) return;
        list.add(new KqlDiagnostic(code, Severity.ERROR, start, end, message, hint));
    }

    void error(String code, SyntaxElement at, String message, String hint) {
        add(code, Severity.ERROR, at, message, hint);
    }

    static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("Did you mean ");
        for (int i = 0; i < suggestions.size() && i < 3; i++) {
            if (i > 0) sb.append(i == suggestions.size() - 1 || i == 2 ? " or " : ", ");
            sb.append('\'').append(suggestions.get(i)).append('\'');
        }
        return sb.append("? ").toString();
    }
}
