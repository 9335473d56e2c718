package dev.sentinelctl.kql.semantic;

import java.util.ArrayList;
import java.util.List;

/** Applies a signature's {@link ReturnRule} to the bound argument types. */
public final class ReturnTypes {

    private ReturnTypes() {
    }

    /**
     * @param argumentTypes  types of the arguments in call order
     * @param literalTypes   for {@code typeof(...)} arguments the type they name, else null or UNKNOWN; may be empty
     * @return the call's type; {@link ErrorType#UNKNOWN} when the rule needs information that is missing
     */
    public static KqlType resolve(Signature s, List<? extends KqlType> argumentTypes, List<? extends KqlType> literalTypes) {
        KqlType arg0 = argumentTypes.isEmpty() ? ErrorType.UNKNOWN : argumentTypes.get(0);
        return switch (s.returnRule()) {
            case DECLARED -> s.returnType();
            case PARAMETER0 -> arg0;
            case PARAMETER1 -> argumentTypes.size() > 1 ? argumentTypes.get(1) : ErrorType.UNKNOWN;
            case PARAMETER0_PROMOTED -> arg0 == ScalarType.INT ? ScalarType.LONG : arg0;
            case PARAMETER0_ARRAY -> ScalarType.DYNAMIC;
            case PARAMETER0_LITERAL -> literal(literalTypes, 0);
            case PARAMETER1_LITERAL -> literal(literalTypes, 1);
            case PARAMETER_N_LITERAL -> literal(literalTypes, literalTypes.size() - 1);
            case COMMON -> TypePromotion.common(commonArguments(s, argumentTypes, false));
            case COMMON_NON_DYNAMIC -> TypePromotion.common(commonArguments(s, argumentTypes, true));
            case WIDEST -> TypePromotion.widest(argumentTypes);
            case ENTITY_REFERENCE, CUSTOM -> s.returnType();
        };
    }

    public static KqlType resolve(Signature s, List<? extends KqlType> argumentTypes) {
        return resolve(s, argumentTypes, List.of());
    }

    private static KqlType literal(List<? extends KqlType> literalTypes, int index) {
        if (index < 0 || index >= literalTypes.size() || literalTypes.get(index) == null) return ErrorType.UNKNOWN;
        return literalTypes.get(index);
    }

    // Only arguments bound to COMMON_* parameters take part (iff's predicate does not).
    private static List<KqlType> commonArguments(Signature s, List<? extends KqlType> args, boolean dropDynamic) {
        List<KqlType> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Parameter p = s.parameterForArgument(i, args.size()).orElse(null);
            boolean common = p == null || switch (p.typeKind()) {
                case COMMON_SCALAR, COMMON_SCALAR_OR_DYNAMIC, COMMON_ORDERABLE -> true;
                default -> false;
            };
            if (!common) continue;
            KqlType t = args.get(i);
            if (dropDynamic && t == ScalarType.DYNAMIC) continue;
            out.add(t);
        }
        if (out.isEmpty() && dropDynamic) return List.of(ScalarType.DYNAMIC);
        return out;
    }
}
