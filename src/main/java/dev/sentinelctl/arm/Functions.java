package dev.sentinelctl.arm;

import dev.sentinelctl.arm.ArmExpressions.Unresolved;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The ARM template functions {@link ArmExpressions} knows, on already evaluated arguments. */
final class Functions {
    private Functions() {}

    static JsonNode apply(String f, List<JsonNode> a) {
        switch (f) {
            case "concat": return concat(a);
            case "format": return format(a);
            case "tolower": return str(s(a, 0, f).toLowerCase(Locale.ROOT));
            case "toupper": return str(s(a, 0, f).toUpperCase(Locale.ROOT));
            case "trim": return str(s(a, 0, f).trim());
            case "string": return str(a.get(0).isString() ? a.get(0).asString() : a.get(0).toString());
            case "int": return ArmExpressions.JSON.numberNode(Long.parseLong(ArmExpressions.string(a.get(0)).trim()));
            case "bool": return ArmExpressions.JSON.booleanNode(ArmExpressions.bool(a.get(0)));
            case "true": return ArmExpressions.JSON.booleanNode(true);
            case "false": return ArmExpressions.JSON.booleanNode(false);
            case "null": return ArmExpressions.JSON.nullNode();
            case "length": return ArmExpressions.JSON.numberNode(a.get(0).isString() ? a.get(0).asString().length() : a.get(0).size());
            case "empty": return ArmExpressions.JSON.booleanNode(a.get(0).isNull()
                    || (a.get(0).isString() ? a.get(0).asString().isEmpty() : a.get(0).isContainer() && a.get(0).isEmpty()));
            case "equals": return ArmExpressions.JSON.booleanNode(a.get(0).isNumber() && a.get(1).isNumber()
                    ? a.get(0).decimalValue().compareTo(a.get(1).decimalValue()) == 0 : a.get(0).equals(a.get(1)));
            case "not": return ArmExpressions.JSON.booleanNode(!ArmExpressions.bool(a.get(0)));
            case "and": return ArmExpressions.JSON.booleanNode(a.stream().allMatch(ArmExpressions::bool));
            case "or": return ArmExpressions.JSON.booleanNode(a.stream().anyMatch(ArmExpressions::bool));
            case "coalesce": return a.stream().filter(n -> !n.isNull()).findFirst().orElse(ArmExpressions.JSON.nullNode());
            case "split": return split(s(a, 0, f), a.get(1));
            case "first": return a.get(0).isString() ? str(a.get(0).asString().isEmpty() ? "" : a.get(0).asString().substring(0, 1)) : element(a.get(0), 0);
            case "last": return a.get(0).isString() ? str(a.get(0).asString().isEmpty() ? "" : a.get(0).asString().substring(a.get(0).asString().length() - 1)) : element(a.get(0), a.get(0).size() - 1);
            case "take": return take(a.get(0), (int) Math.max(0, a.get(1).asLong()));
            case "skip": return skip(a.get(0), (int) Math.max(0, a.get(1).asLong()));
            case "replace": return ArmExpressions.checkedString(s(a, 0, f).replace(s(a, 1, f), s(a, 2, f)));
            case "substring": return substring(s(a, 0, f), a);
            case "contains": return ArmExpressions.JSON.booleanNode(contains(a.get(0), a.get(1)));
            case "startswith": return ArmExpressions.JSON.booleanNode(s(a, 0, f).toLowerCase(Locale.ROOT).startsWith(s(a, 1, f).toLowerCase(Locale.ROOT)));
            case "endswith": return ArmExpressions.JSON.booleanNode(s(a, 0, f).toLowerCase(Locale.ROOT).endsWith(s(a, 1, f).toLowerCase(Locale.ROOT)));
            case "indexof": return ArmExpressions.JSON.numberNode(s(a, 0, f).toLowerCase(Locale.ROOT).indexOf(s(a, 1, f).toLowerCase(Locale.ROOT)));
            case "lastindexof": return ArmExpressions.JSON.numberNode(s(a, 0, f).toLowerCase(Locale.ROOT).lastIndexOf(s(a, 1, f).toLowerCase(Locale.ROOT)));
            case "createarray": {
                ArrayNode out = ArmExpressions.JSON.arrayNode();
                a.forEach(out::add);
                return out;
            }
            case "createobject": {
                ObjectNode out = ArmExpressions.JSON.objectNode();
                for (int i = 0; i + 1 < a.size(); i += 2) out.set(ArmExpressions.string(a.get(i)), a.get(i + 1));
                return out;
            }
            case "resourceid": return resourceId(a, "/subscriptions/" + ArmExpressions.placeholder("subscription")
                    + "/resourceGroups/" + ArmExpressions.placeholder("resourceGroup"));
            case "subscriptionresourceid": return resourceId(a, "/subscriptions/" + ArmExpressions.placeholder("subscription"));
            case "tenantresourceid": return resourceId(a, "");
            case "extensionresourceid": {
                String base = s(a, 0, f);
                return resourceIdFrom(base, a.subList(1, a.size()));
            }
            case "resourcegroup": {
                ObjectNode rg = ArmExpressions.JSON.objectNode();
                rg.put("name", ArmExpressions.placeholder("resourceGroup"));
                rg.put("location", ArmExpressions.placeholder("resourceGroup().location"));
                return rg;
            }
            case "subscription": {
                ObjectNode sub = ArmExpressions.JSON.objectNode();
                sub.put("subscriptionId", ArmExpressions.placeholder("subscription"));
                return sub;
            }
            default:
                throw new Unresolved(f + "() is not supported by sentinelctl's expression evaluator");
        }
    }

    private static JsonNode str(String s) {
        return ArmExpressions.checkedString(s);
    }

    private static String s(List<JsonNode> a, int i, String f) {
        if (a.size() <= i) throw new Unresolved(f + "() needs at least " + (i + 1) + " argument(s)");
        return ArmExpressions.string(a.get(i));
    }

    private static JsonNode concat(List<JsonNode> a) {
        if (!a.isEmpty() && a.get(0).isArray()) {
            ArrayNode out = ArmExpressions.JSON.arrayNode();
            for (JsonNode n : a) {
                if (!n.isArray()) throw new Unresolved("concat() mixes arrays and strings");
                n.forEach(out::add);
            }
            return out;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : a) {
            sb.append(ArmExpressions.string(n));
            if (sb.length() > (1 << 20)) throw new Unresolved("concat() result too long");
        }
        return str(sb.toString());
    }

    /** .NET composite format as ARM's format() takes it: {0}, {1}, and {{ }} for literal braces. */
    private static JsonNode format(List<JsonNode> a) {
        String fmt = s(a, 0, "format");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int end = fmt.indexOf('}', i);
                if (end < 0) throw new Unresolved("format(): unclosed '{'");
                String spec = fmt.substring(i + 1, end);
                if (!spec.matches("[0-9]{1,3}")) throw new Unresolved("format(): unsupported placeholder {" + spec + "}");
                int index = Integer.parseInt(spec) + 1;
                if (index >= a.size()) throw new Unresolved("format(): no argument for {" + spec + "}");
                sb.append(ArmExpressions.string(a.get(index)));
                i = end;
            } else {
                sb.append(c);
            }
        }
        return str(sb.toString());
    }

    private static JsonNode split(String s, JsonNode delimiters) {
        ArrayNode out = ArmExpressions.JSON.arrayNode();
        List<String> delims = new java.util.ArrayList<>();
        if (delimiters.isArray()) delimiters.forEach(d -> delims.add(ArmExpressions.string(d)));
        else delims.add(ArmExpressions.string(delimiters));
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            String hit = null;
            for (String d : delims) {
                if (!d.isEmpty() && s.startsWith(d, i)) {
                    hit = d;
                    break;
                }
            }
            if (hit != null) {
                out.add(s.substring(start, i));
                i += hit.length() - 1;
                start = i + 1;
            }
        }
        out.add(s.substring(Math.min(start, s.length())));
        return out;
    }

    private static JsonNode element(JsonNode array, int i) {
        if (!array.isArray() || i < 0 || i >= array.size()) throw new Unresolved("no such element");
        return array.get(i);
    }

    private static JsonNode take(JsonNode v, int n) {
        if (v.isString()) return str(v.asString().substring(0, Math.min(n, v.asString().length())));
        ArrayNode out = ArmExpressions.JSON.arrayNode();
        for (int i = 0; i < Math.min(n, v.size()); i++) out.add(v.get(i));
        return out;
    }

    private static JsonNode skip(JsonNode v, int n) {
        if (v.isString()) return str(v.asString().substring(Math.min(n, v.asString().length())));
        ArrayNode out = ArmExpressions.JSON.arrayNode();
        for (int i = n; i < v.size(); i++) out.add(v.get(i));
        return out;
    }

    private static JsonNode substring(String s, List<JsonNode> a) {
        int start = a.size() > 1 ? a.get(1).asInt() : 0;
        int len = a.size() > 2 ? a.get(2).asInt() : s.length() - start;
        if (start < 0 || len < 0 || start + len > s.length()) throw new Unresolved("substring() out of range");
        return str(s.substring(start, start + len));
    }

    private static boolean contains(JsonNode container, JsonNode item) {
        if (container.isString()) {
            return container.asString().contains(ArmExpressions.string(item));
        }
        if (container.isArray()) {
            for (JsonNode n : container) if (n.equals(item)) return true;
            return false;
        }
        if (container.isObject()) return ArmExpressions.getIgnoreCase(container, ArmExpressions.string(item)) != null;
        return false;
    }

    /** resourceId([subscriptionId], [resourceGroup], type, name1, name2, …) with the scope as placeholders. */
    private static JsonNode resourceId(List<JsonNode> a, String scopeWhenAbsent) {
        int typeIndex = -1;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isString() && a.get(i).asString().contains("/")) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0) throw new Unresolved("resourceId() without a resource type");
        String scope = scopeWhenAbsent;
        if (typeIndex == 2) {
            scope = "/subscriptions/" + ArmExpressions.string(a.get(0)) + "/resourceGroups/" + ArmExpressions.string(a.get(1));
        } else if (typeIndex == 1) {
            scope = scopeWhenAbsent.replaceFirst("/resourceGroups/.*$", "") + "/resourceGroups/" + ArmExpressions.string(a.get(0));
        }
        return resourceIdFrom(scope, a.subList(typeIndex, a.size()));
    }

    private static JsonNode resourceIdFrom(String scope, List<JsonNode> typeAndNames) {
        String[] type = ArmExpressions.string(typeAndNames.get(0)).split("/");
        List<JsonNode> names = typeAndNames.subList(1, typeAndNames.size());
        if (names.size() != type.length - 1) {
            throw new Unresolved("resource id of " + String.join("/", type) + " needs " + (type.length - 1) + " name(s)");
        }
        StringBuilder sb = new StringBuilder(scope).append("/providers/").append(type[0]);
        for (int i = 1; i < type.length; i++) {
            sb.append('/').append(type[i]).append('/').append(ArmExpressions.string(names.get(i - 1)));
        }
        return str(sb.toString());
    }
}
