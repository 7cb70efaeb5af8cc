package io.subnet2.validator.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeScannerTest {

    static final CodeScanner SCANNER = CodeScanner.load(null);

    @TempDir
    Path root;

    List<String> scan(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return SCANNER.scan(root).stream().map(f -> f.severity().name().toLowerCase() + ":" + f.ruleId()).toList();
    }

    @Test
    void ordinaryPythonAnalyzerHasNoFinding() throws IOException {
        assertThat(scan("analyzer/main.py", """
                import os
                import sys
                import json
                import glob
                import pandas as pd
                import pyarrow as pa
                import pyarrow.parquet as pq
                from pathlib import Path

                INPUT = os.environ.get('INPUT_DIR', '/data/input')

                def main():
                    files = sorted(glob.glob(os.path.join(INPUT, '*.parquet')))
                    table = pq.read_table(files[0])
                    df = table.to_pandas()
                    df = df.eval('amount_usd = amount * price')
                    with open(os.path.join('/data/output', 'patterns.json'), 'w') as f:
                        json.dump({'n': len(df)}, f)
                    os.makedirs('/data/output/x', exist_ok=True)
                    print(os.path.getsize(files[0]), file=sys.stderr)

                if __name__ == '__main__':
                    main()
                """)).isEmpty();
    }

    @Test
    void ordinaryJavaAnalyzerHasNoFinding() throws IOException {
        assertThat(scan("src/main/java/a/Analyzer.java", """
                package a;
                import java.io.*;
                import java.nio.file.*;
                import java.util.*;
                public class Analyzer {
                    public static void main(String[] args) throws IOException {
                        Path in = Path.of(System.getenv().getOrDefault("INPUT_DIR", "/data/input"));
                        try (var files = Files.list(in); var out = new BufferedWriter(new FileWriter("/data/output/x.json"))) {
                            out.write(String.valueOf(files.count()));
                        }
                        String hash = "3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed";
                        System.out.println(Files.readString(in.resolve("meta.json")).length() + hash);
                    }
                }
                """)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " :: ", value = {
        "a.py :: exec(base64.b64decode('cHJpbnQoMSk=')) :: block:py-exec-decoded",
        "a.py :: eval(compile(zlib.decompress(blob), 'x', 'exec')) :: block:py-exec-decoded",
        "a.py :: code = marshal.loads(data) :: block:py-marshal-loader",
        "a.py :: from pytransform import pyarmor_runtime :: block:py-obfuscator",
        "a.py :: import subprocess :: warn:py-process",
        "a.py :: os.system('ls') :: warn:py-process",
        "a.py :: import socket :: warn:py-network",
        "a.py :: from urllib.request import urlopen :: warn:py-network",
        "a.py :: import ctypes :: warn:py-native",
        "a.py :: exec(source) :: warn:py-dynamic-exec",
        "A.java :: Class<?> c = loader.defineClass(name, bytes, 0, n); :: block:java-define-class",
        "A.java :: new ProcessBuilder(\"sh\").start(); :: warn:java-process",
        "A.java :: Runtime.getRuntime().exec(cmd); :: warn:java-process",
        "A.java :: var s = new Socket(\"x\", 1); :: warn:java-network",
        "A.java :: new javax.script.ScriptEngineManager() :: warn:java-script-engine",
        "A.java :: System.loadLibrary(\"x\"); :: warn:java-native",
        "run.sh :: echo aGk= | base64 -d | bash :: block:sh-decode-exec",
        "run.sh :: exec 3<>/dev/tcp/10.0.0.1/80 :: block:sh-dev-tcp",
        "run.sh :: wget -q http://x/y :: warn:sh-network",
        "a.py :: open('/var/run/docker.sock') :: block:any-docker-socket",
        "a.py :: url = 'http://169.254.169.254/latest/meta-data' :: block:any-metadata-endpoint",
    })
    void findings(String file, String line, String expected) throws IOException {
        assertThat(scan(file, line + "\n")).contains(expected);
    }

    @Test
    void execOfBase64FindsBothTheBlockAndTheWarnRule() throws IOException {
        assertThat(scan("a.py", "import base64\nexec(base64.b64decode('cHJpbnQoMSk='))\n"))
                .containsExactlyInAnyOrder("block:py-exec-decoded", "warn:py-dynamic-exec");
    }

    @Test
    void packedPayloadIsBlockedButShortTokensAreNot() throws IOException {
        byte[] random = new byte[2048];
        new Random(1).nextBytes(random);
        String payload = Base64.getEncoder().encodeToString(random);
        StringBuilder wrapped = new StringBuilder("DATA = (\n");
        for (int i = 0; i < payload.length(); i += 76) {
            wrapped.append("    '").append(payload, i, Math.min(payload.length(), i + 76)).append("'\n");
        }
        assertThat(scan("p.py", wrapped + ")\n")).contains("block:any-packed-payload", "warn:any-high-entropy");
        Files.delete(root.resolve("p.py"));
        assertThat(scan("q.py", "KEY = '" + payload.substring(0, 300) + "'\n")).containsExactly("warn:any-high-entropy");
        Files.delete(root.resolve("q.py"));
        assertThat(scan("r.py", "SHA = '" + "3f786850e387550fdab836ed7e6dc881de23001b".repeat(30) + "'\n")).isEmpty();
    }

    @Test
    void shebangScriptsAndDockerfileAreScannedOtherFilesAreNot() throws IOException {
        assertThat(scan("tools/fetch", "#!/bin/bash\ncurl http://x\n")).containsExactly("warn:sh-network");
        assertThat(scan("Dockerfile", "FROM python\nRUN echo aGk= | base64 --decode | sh\n"))
                .contains("block:sh-decode-exec");
        Files.delete(root.resolve("Dockerfile"));
        Files.delete(root.resolve("tools/fetch"));
        assertThat(scan("README.md", "exec(base64.b64decode(x)) curl /dev/tcp/\n")).isEmpty();
    }

    @Test
    void findingsCarryPathAndLine() throws IOException {
        Path file = root.resolve("pkg/mod.py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "import os\n\n\nimport subprocess\n");
        assertThat(SCANNER.scan(root)).singleElement().extracting(CodeScanner.Finding::text)
                .isEqualTo("py-process at pkg/mod.py:4: spawns processes");
    }

    @Test
    void ruleFileIsValidated(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("rules.json");
        Files.writeString(bad, "{\"rules\":[{\"id\":\"x\",\"severity\":\"block\",\"languages\":[\"cobol\"],\"pattern\":\"a\"}]}");
        assertThatThrownBy(() -> CodeScanner.load(bad)).hasMessageContaining("languages must be among");
        Files.writeString(bad, "{\"rules\":[{\"id\":\"x\",\"severity\":\"block\",\"languages\":[\"python\"],\"pattern\":\"(\"}]}");
        assertThatThrownBy(() -> CodeScanner.load(bad)).isInstanceOf(RuntimeException.class);
        Files.writeString(bad, "{\"rules\":[{\"id\":\"own\",\"severity\":\"warn\",\"languages\":[\"python\"],"
                + "\"pattern\":\"import os\",\"description\":\"custom\"}]}");
        assertThat(CodeScanner.load(bad).ruleIds()).containsExactly("own");
    }

    @Test
    void entropyOfUniformAlphabets() {
        assertThat(CodeScanner.entropy("abababab")).isEqualTo(1.0);
        assertThat(CodeScanner.entropy("0123456789abcdef".repeat(4))).isEqualTo(4.0);
    }
}
