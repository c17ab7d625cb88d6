package dev.reclaim.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Pattern;

import dev.reclaim.findings.Finding;

/**
 * What identifies a finding across edits, for baselines and SARIF {@code partialFingerprints}: the
 * rule id, the declaration path ({@code seed_2019_buggy/thread loop0_worker}) and a hash of the
 * message with line and column numbers blanked, so that two findings of one rule on one
 * declaration are told apart while moving code up or down changes nothing.
 */
record FindingKey(String ruleId, String declaration, String hash) implements Comparable<FindingKey> {
    private static final Pattern LINE = Pattern.compile("\\bline \\d+");
    private static final Pattern FILE_LINE = Pattern.compile("(\\.reclaim):\\d+(?::\\d+)?");
    private static final Comparator<FindingKey> ORDER = Comparator.comparing(FindingKey::ruleId)
            .thenComparing(FindingKey::declaration).thenComparing(FindingKey::hash);

    static FindingKey of(Finding f) {
        return new FindingKey(f.ruleId(), f.declaration() == null ? "" : f.declaration(), hash(f.message()));
    }

    /** The message without positions: {@code line 12} and {@code x.reclaim:12:3} read the same wherever they are. */
    static String normalize(String message) {
        String m = LINE.matcher(message).replaceAll("line _");
        return FILE_LINE.matcher(m).replaceAll("$1:_");
    }

    /** The first 16 hex digits of the SHA-256 of the normalised message. */
    static String hash(String message) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(normalize(message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one-string form used as the SARIF fingerprint: {@code rule|declaration|hash}. */
    String fingerprint() {
        return ruleId + "|" + declaration + "|" + hash;
    }

    @Override
    public int compareTo(FindingKey o) {
        return ORDER.compare(this, o);
    }
}
