package dev.sentinelctl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** functionParameters as Microsoft's converter (KqlFuncYaml2Arm.py) writes them, and read back. */
class ParserParameterTest {

    private static ParserParameter yaml(String name, String type, Object def) {
        return new ParserParameter(name, type, ParserParameter.defaultFromYaml(type, def));
    }

    @Test
    void scalarDefaultsAreWrittenAsTheConverterDoes() {
        List<ParserParameter> ps = List.of(
                yaml("starttime", "datetime", "datetime(null)"),
                yaml("srcipaddr_has_any_prefix", "dynamic ", "dynamic([])"),
                yaml("disabled", "bool", false),
                yaml("pack", "bool", true),
                yaml("eventresult", "string", "*"),
                yaml("empty", "string", ""),
                yaml("already", "string", "'x'"),
                yaml("limit", "int", "int(null)"));
        assertEquals("starttime:datetime=datetime(null),srcipaddr_has_any_prefix:dynamic=dynamic([]),disabled:bool=False,"
                + "pack:bool=True,eventresult:string='*',empty:string='',already:string='x',limit:int=int(null)",
                ParserParameter.join(ps));
    }

    @Test
    void tableParametersCarryTheirSchemaAndNoDefault() {
        ParserParameter t = yaml("T", "table:(TimeGenerated:datetime, Computer:string)", null);
        assertTrue(t.isTabular());
        assertEquals("T:(TimeGenerated:datetime, Computer:string)", t.functionParameter());
        assertEquals("T:(*)", yaml("T", "table", null).functionParameter());
        assertEquals("required:string", yaml("required", "string", null).functionParameter());
    }

    @Test
    void aFunctionParametersStringParsesBack() {
        List<ParserParameter> ps = ParserParameter.parse("a:string='x,y', T:(c:long, d:string), b:bool=False, d:dynamic=dynamic(['p','q'])");
        assertEquals(4, ps.size());
        assertEquals(new ParserParameter("a", "string", Optional.of("'x,y'")), ps.get(0));
        assertEquals("(c:long, d:string)", ps.get(1).type());
        assertFalse(ps.get(1).defaultValue().isPresent());
        assertEquals(Optional.of("dynamic(['p','q'])"), ps.get(3).defaultValue());
        assertEquals(List.of(), ParserParameter.parse(" "));
    }
}
