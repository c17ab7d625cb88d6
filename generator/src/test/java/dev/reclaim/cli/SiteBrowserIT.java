package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated site of the 2019 seed, opened by headless Chromium (Debian's, installed by the
 * build when missing): the recursion matrix and every diagram take up real space on the page,
 * the SVG labels have measurable text, and a screenshot is not blank. The site itself has no
 * script; the test measures a copy with a small inline script that writes bounding boxes into
 * data attributes, which {@code --dump-dom} then shows. {@code -Dreclaim.golden.update=true}
 * also copies the screenshot to docs/policy-site.png.
 */
class SiteBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;
    private static final String PROBE = """
            <script>
            (function () {
              function box(e) { var r = e.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); }
              var m = document.getElementById('recursion-matrix');
              document.body.setAttribute('data-matrix', m ? box(m) + 'x' + m.rows.length : 'none');
              var out = [];
              document.querySelectorAll('svg.diagram').forEach(function (s) {
                var t = s.querySelector('text');
                out.push(s.getAttribute('data-diagram') + '=' + box(s) + ':' + s.querySelectorAll('rect').length + ':'
                    + (t ? Math.round(t.getBBox().width) : 0));
              });
              document.body.setAttribute('data-svgs', out.join(' '));
            })();
            </script>
            """;

    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void generate() {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: the build installs it with "
                + ".ci/ensure-debian-packages before this test (pre-integration-test)");
        CliRun r = CliRun.of("doc", "../examples/seed/seed_2019_buggy.reclaim", "-o", dir.resolve("doc").toString());
        assertEquals(0, r.exit(), r.err());
        site = dir.resolve("doc/html/index.html");
    }

    @Test
    void matrixAndDiagramsRender() throws Exception {
        String html = Files.readString(site, StandardCharsets.UTF_8);
        Path probe = site.resolveSibling("probe.html");
        Files.writeString(probe, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium("--dump-dom", probe.toUri().toString());

        Matcher matrix = Pattern.compile("data-matrix=\"(\\d+)x(\\d+)x(\\d+)\"").matcher(dom);
        assertTrue(matrix.find(), "no matrix measurement in the DOM:\n" + head(dom));
        // 4 layers x 5 contexts = 20 rows plus the header; 6 columns of text are far wider than 300px
        assertEquals(21, Integer.parseInt(matrix.group(3)));
        assertTrue(Integer.parseInt(matrix.group(1)) > 300 && Integer.parseInt(matrix.group(2)) > 20 * 15,
                matrix.group());

        Matcher svgs = Pattern.compile("data-svgs=\"([^\"]*)\"").matcher(dom);
        assertTrue(svgs.find(), head(dom));
        Map<String, int[]> measured = new LinkedHashMap<>();
        for (String part : svgs.group(1).split(" ")) {
            Matcher m = Pattern.compile("([a-z0-9-]+)=(\\d+)x(\\d+):(\\d+):(\\d+)").matcher(part);
            assertTrue(m.matches(), part);
            measured.put(m.group(1), new int[] { Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)) });
        }
        assertEquals(List.of("contexts", "layers", "system-0"), new ArrayList<>(measured.keySet()));
        // boxes: 5 contexts, 4 layers, 4 instances + 4 threads; each drawn at its declared size, with text
        assertEquals(List.of(5, 4, 8), measured.values().stream().map(v -> v[2]).toList());
        for (Map.Entry<String, int[]> e : measured.entrySet()) {
            Matcher declared = Pattern.compile("data-diagram=\"" + e.getKey() + "\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"")
                    .matcher(html);
            assertTrue(declared.find(), e.getKey());
            assertEquals(Math.round(Double.parseDouble(declared.group(1))), e.getValue()[0], e.getKey() + " width");
            assertEquals(Math.round(Double.parseDouble(declared.group(2))), e.getValue()[1], e.getKey() + " height");
            assertTrue(e.getValue()[3] > 10, e.getKey() + ": its first label has no rendered width");
        }
    }

    @Test
    void screenshotIsNotBlank() throws Exception {
        Path png = Path.of("target/policy-site.png");
        Files.deleteIfExists(png);
        long t0 = System.nanoTime();
        chromium("--screenshot=" + png.toAbsolutePath(), site.toUri().toString());
        System.out.printf("SiteBrowserIT: screenshot in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(2000, img.getHeight());
        Set<Integer> colors = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                ink += rgb == 0xffffff ? 0 : 1;
            }
        }
        assertTrue(colors.size() > 50, "too few colours: " + colors.size());
        assertTrue(ink > 10_000, "almost blank: " + ink + " non-white samples");
        // the fills of context and layer boxes (SvgRenderer) are on the first screen
        assertTrue(colors.contains(0xfef7e0), "no context box");
        assertTrue(colors.contains(0xe8f0fe), "no layer box");
        if (Boolean.getBoolean("reclaim.golden.update")) {
            Files.copy(png, Path.of("../docs/policy-site.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs headless Chromium with a fresh profile and no network use; returns its stdout. */
    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,2000"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
