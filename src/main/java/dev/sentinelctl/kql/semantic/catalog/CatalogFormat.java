package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.ArgumentKind;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ParameterTypeKind;
import dev.sentinelctl.kql.semantic.ResultNameKind;
import dev.sentinelctl.kql.semantic.ReturnRule;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.Signature;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TabularType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The line-oriented resource formats of src/main/resources/catalog (described in its README.md).
 * Tab-separated, one table per line, so a lookup can slice one line out of the file without parsing the
 * other 1,400 tables; functions are a few hundred short records, read in one pass. Writer and reader sit
 * side by side so the generator and the runtime cannot drift apart.
 */
public final class CatalogFormat {

    public static final String TABLES_HEADER = "#sentinelctl-tables\tv1";
    public static final String FUNCTIONS_HEADER = "#sentinelctl-functions\tv1";
    /** Marks a column the catalog added as a Log Analytics standard column (no source listed it). */
    static final char STANDARD_MARK = '+';

    private CatalogFormat() {
    }

    // ---- tables: name \t sources \t column \t type \t column \t type ...

    public static String tableLine(TableSchema t, List<String> sources) {
        StringBuilder sb = new StringBuilder();
        sb.append(clean(t.name())).append('\t').append(String.join(",", sources));
        for (Column c : t.columns()) {
            sb.append('\t').append(clean(c.name())).append('\t');
            if (c.standard()) sb.append(STANDARD_MARK);
            sb.append(((ScalarType) c.type()).kustoName());
        }
        return sb.toString();
    }

    /** Parses one table line; {@code line} must not contain the trailing newline. */
    public static TableSchema parseTableLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 2 || f.length % 2 != 0) throw new IllegalArgumentException("bad table line: " + abbreviate(line));
        List<Column> cols = new ArrayList<>((f.length - 2) / 2);
        for (int i = 2; i < f.length; i += 2) {
            String type = f[i + 1];
            boolean standard = !type.isEmpty() && type.charAt(0) == STANDARD_MARK;
            if (standard) type = type.substring(1);
            cols.add(new Column(f[i], scalar(type), standard));
        }
        return new TableSchema(f[0], cols);
    }

    // ---- functions: F/S/P/C records

    public static void appendFunction(StringBuilder sb, FunctionSymbol f) {
        sb.append("F\t").append(clean(f.name())).append('\t').append(f.kind().name().toLowerCase(Locale.ROOT))
                .append('\t').append(f.hidden() ? "h" : "").append('\t').append(f.resultNameKind().code())
                .append('\t').append(clean(f.resultNamePrefix())).append('\t').append(clean(f.replacement()))
                .append('\t').append(clean(f.source())).append('\n');
        for (Signature s : f.signatures()) {
            KqlType rt = s.returnType();
            String rtText = rt instanceof ScalarType st ? st.kustoName() : rt instanceof TabularType ? "table" : "unknown";
            sb.append("S\t").append(s.returnRule().code()).append('\t').append(rtText).append('\t')
                    .append(s.minArgs()).append('\t').append(s.maxArgs()).append('\t')
                    .append(s.tabular() ? "t" : "").append(s.hidden() ? "h" : "").append('\t')
                    .append(clean(s.replacement())).append('\n');
            for (Parameter p : s.parameters()) {
                List<String> types = p.types().stream().map(ScalarType::kustoName).sorted().toList();
                for (String v : p.values()) {
                    if (v.indexOf('|') >= 0) throw new IllegalArgumentException("'|' in a parameter value: " + v);
                }
                sb.append("P\t").append(clean(p.name())).append('\t').append(p.typeKind().code()).append('\t')
                        .append(String.join(",", types)).append('\t').append(p.argumentKind().code()).append('\t')
                        .append(p.minOccurring()).append('\t').append(p.maxOccurring()).append('\t')
                        .append(p.optional() ? "o" : "").append(p.repeatable() ? "r" : "").append('\t')
                        .append(clean(String.join("|", p.values()))).append('\t').append(clean(p.defaultValue()))
                        .append('\n');
            }
            if (rt instanceof TabularType t) {
                for (Column c : t.columns()) {
                    sb.append("C\t").append(clean(c.name())).append('\t').append(((ScalarType) c.type()).kustoName()).append('\n');
                }
            }
        }
    }

    /** Reads every function record of a functions resource. */
    public static List<FunctionSymbol> parseFunctions(List<String> lines) {
        List<FunctionSymbol> out = new ArrayList<>();
        FunctionBuilder fb = null;
        for (String line : lines) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "F" -> {
                    if (fb != null) out.add(fb.build());
                    fb = new FunctionBuilder(f);
                }
                case "S" -> fb.startSignature(f);
                case "P" -> fb.parameter(f);
                case "C" -> fb.resultColumn(new Column(f[1], scalar(f[2])));
                default -> throw new IllegalArgumentException("bad function line: " + abbreviate(line));
            }
        }
        if (fb != null) out.add(fb.build());
        return out;
    }

    private static final class FunctionBuilder {
        private final String[] header;
        private final List<Signature> signatures = new ArrayList<>();
        private String[] sig;
        private List<Parameter> params;
        private List<Column> resultColumns;

        FunctionBuilder(String[] header) {
            this.header = header;
        }

        void startSignature(String[] f) {
            finishSignature();
            sig = f;
            params = new ArrayList<>();
            resultColumns = new ArrayList<>();
        }

        void parameter(String[] f) {
            Set<ScalarType> types = EnumSet.noneOf(ScalarType.class);
            if (!f[3].isEmpty()) for (String t : f[3].split(",")) types.add(scalar(t));
            List<String> values = f[8].isEmpty() ? List.of() : List.of(f[8].split("\\|"));
            params.add(new Parameter(f[1], ParameterTypeKind.fromCode(f[2]), types, ArgumentKind.fromCode(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7].contains("o"), f[7].contains("r"), values, f[9]));
        }

        void resultColumn(Column c) {
            resultColumns.add(c);
        }

        private void finishSignature() {
            if (sig == null) return;
            KqlType rt = switch (sig[2]) {
                case "table" -> new TabularType(resultColumns);
                case "unknown" -> ErrorType.UNKNOWN;
                default -> scalar(sig[2]);
            };
            signatures.add(new Signature(ReturnRule.fromCode(sig[1]), rt, params, Integer.parseInt(sig[3]),
                    Integer.parseInt(sig[4]), sig[5].contains("t"), sig[5].contains("h"), sig[6]));
            sig = null;
        }

        FunctionSymbol build() {
            finishSignature();
            return new FunctionSymbol(header[1], FunctionKind.fromCode(header[2]), signatures,
                    header[3].contains("h"), header[6], ResultNameKind.fromCode(header[4]), header[5], header[7]);
        }
    }

    static ScalarType scalar(String kustoName) {
        return switch (kustoName) {
            case "string" -> ScalarType.STRING;
            case "datetime" -> ScalarType.DATETIME;
            case "long" -> ScalarType.LONG;
            case "int" -> ScalarType.INT;
            case "real" -> ScalarType.REAL;
            case "bool" -> ScalarType.BOOL;
            case "dynamic" -> ScalarType.DYNAMIC;
            case "guid" -> ScalarType.GUID;
            case "timespan" -> ScalarType.TIMESPAN;
            case "decimal" -> ScalarType.DECIMAL;
            default -> throw new IllegalArgumentException("unknown type in catalog resource: " + kustoName);
        };
    }

    private static String clean(String s) {
        if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("tab or newline in a catalog name: " + abbreviate(s));
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
