package io.vigil.scheduler.engine;

/** Pacemaker score arithmetic on plain ints (INFINITY = 1,000,000). */
final class Scores {
    static final int INF = 1_000_000;

    private Scores() {
    }

    static int add(int a, int b) {
        if (a <= -INF || b <= -INF) {
            return -INF;
        }
        if (a >= INF || b >= INF) {
            return INF;
        }
        long s = (long) a + b;
        return (int) Math.max(-INF, Math.min(INF, s));
    }

    static int parse(String s, int dflt) {
        if (s == null) {
            return dflt;
        }
        // plain integers (nearly every score) without the model's general parser
        int len = s.length();
        if (len > 0 && len < 10) {
            int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
            int v = 0;
            boolean digits = i < len;
            for (int k = i; k < len && digits; k++) {
                char c = s.charAt(k);
                digits = c >= '0' && c <= '9';
                v = v * 10 + (c - '0');
            }
            if (digits) {
                v = Math.min(v, INF);
                return s.charAt(0) == '-' ? -v : v;
            }
        }
        return io.vigil.cib.model.Score.tryParse(s).map(io.vigil.cib.model.Score::value).orElse(dflt);
    }

    static String text(int v) {
        return v >= INF ? "INFINITY" : v <= -INF ? "-INFINITY" : Integer.toString(v);
    }
}
