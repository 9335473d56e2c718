package dev.sentinelctl.kql.eval.geo;

/** A geospatial input the engine has no faithful answer for; the caller reports it as EVAL-unsupported. */
public final class GeoUnsupported extends RuntimeException {

    public GeoUnsupported(String what) {
        super(what, null, false, false);
    }
}
