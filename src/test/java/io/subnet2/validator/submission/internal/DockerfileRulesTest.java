package io.subnet2.validator.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.subnet2.validator.submission.SubmissionProperties;

class DockerfileRulesTest {

    final DockerfileRules rules = new DockerfileRules(SubmissionProperties.DEFAULT_BASE_IMAGES);

    List<String> ids(String dockerfile) {
        return rules.check(dockerfile).stream().map(v -> v.rule().id()).toList();
    }

    @Test
    void ordinaryDockerfilesPass() {
        assertThat(ids("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-index ./wheels/*\n"
                + "USER 65534:65534\nENTRYPOINT [\"python\", \"main.py\"]\n")).isEmpty();
        assertThat(ids("# syntax=docker/dockerfile:1\nARG BASE_IMAGE=eclipse-temurin:17-jre\n"
                + "FROM docker.io/library/eclipse-temurin:17-jdk AS build\nCOPY . /src\nRUN cd /src && ./build.sh\n"
                + "FROM ${BASE_IMAGE}\nCOPY --from=build /src/app.jar /app.jar\nUSER nobody\n")).isEmpty();
        assertThat(ids("from subnet2-base/debian:bookworm as base\nuser analyst\nFROM base\n")).isEmpty();
        assertThat(ids("FROM ubuntu@sha256:" + "a".repeat(64) + "\nUSER 1000\n")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FROM ghcr.io/evil/python:3\\nUSER 1000 | dockerfile.base-image",
        "FROM alpine\\nUSER 1000 | dockerfile.base-image",
        "FROM localhost:5000/python:3\\nUSER 1000 | dockerfile.base-image",
        "FROM pythonx:3\\nUSER 1000 | dockerfile.base-image",
        "FROM evil/subnet2-base/python:3\\nUSER 1000 | dockerfile.base-image",
        "ARG IMG\\nFROM $IMG\\nUSER 1000 | dockerfile.base-image",
        "FROM python AS a\\nFROM ghcr.io/x/y AS b\\nFROM a\\nUSER 1000 | dockerfile.base-image",
        "FROM python\\nCOPY --from=evil/tools:1 /x /y\\nUSER 1000 | dockerfile.copy-from",
        "FROM python\\nCOPY --from=0 /x /y\\nUSER 1000 | dockerfile.copy-from",
        "FROM python\\nADD https://evil.example/x.tgz /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nADD --chown=1 git@github.com:x/y.git /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nADD [\"ftp://evil/x\", \"/x\"]\\nUSER 1000 | dockerfile.add",
        "FROM python\\nadd local.tar /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nONBUILD RUN true\\nUSER 1000 | dockerfile.onbuild",
        "FROM python\\nVOLUME /scratch\\nUSER 1000 | dockerfile.volume",
        "FROM python\\nvolume [\"/a\", \"/b\"]\\nUSER 1000 | dockerfile.volume",
        "FROM python\\nRUN --network=host pip install x\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN --security=insecure true\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN --mount=type=secret,id=x cat /run/secrets/x\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN \\\\n  --privileged true\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nCOPY x /var/run/docker.sock\\nUSER 1000 | dockerfile.docker-sock",
        "FROM python | dockerfile.user",
        "FROM python\\nUSER root | dockerfile.user",
        "FROM python\\nUSER 0:0 | dockerfile.user",
        "FROM python\\nUSER 000 | dockerfile.user",
        "FROM python\\nUSER $APP_USER | dockerfile.user",
        "FROM python AS a\\nUSER 1000\\nFROM python\\nCOPY --from=a /x /x | dockerfile.user",
        "FROM python\\nUSER 1000\\nUSER root | dockerfile.user",
        "# only a comment | dockerfile.no-from",
    })
    void violations(String dockerfile, String expected) {
        assertThat(ids(dockerfile.replace("\\n", "\n"))).containsExactly(expected);
    }

    /** Ways to hide ADD (a URL fetched by the daemon on the host's network) or ONBUILD from a literal check. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ARG S=http\\nFROM python\\nADD ${S}://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nARG S=http\\nENV U=${S}://127.0.0.1:9/x\\nADD $U /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nADD \"http\"://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nADD [^h\\u0074tp://127.0.0.1:9/x^, ^/x^]\\nUSER 1000 | dockerfile.add",
        "FROM python\\nAD\\\\nD http://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\n  \\\\n\\nADD \\\\n  # hidden\\n  http://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.add",
        "# escape=`\\nFROM python\\nAD`\\nD http://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.add",
        "FROM python\\nONBUILD ADD http://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.onbuild",
        "FROM python\\nonbuild \\\\n add http://127.0.0.1:9/x /x\\nUSER 1000 | dockerfile.onbuild",
        "FROM python\\nRUN <<EOF\\nADD http://127.0.0.1:9/x /x\\nEOF\\nUSER 1000 | dockerfile.add",
    })
    void hiddenAddAndOnbuild(String dockerfile, String expected) {
        String text = dockerfile.replace("\\n", "\n").replace('^', '"');
        assertThat(ids(text)).as(text).contains(expected);
    }

    @Test
    void keywordsTheEngineReadsDifferentlyAreRefused() {
        // a byte order mark is dropped by the engine: the first FROM is still checked
        assertThat(ids("\uFEFFFROM ghcr.io/evil/x AS a\nFROM python\nUSER 1000\n")).containsExactly("dockerfile.base-image");
        // Go lower-cases U+0130 to 'i', so the engine reads ONBUİLD as onbuild; NBSP is trimmed by the engine
        assertThat(ids("FROM python\nONBU\u0130LD ADD http://x/y /y\nUSER 1000\n")).containsExactly("dockerfile.parse");
        assertThat(ids("FROM python\n\u00A0ADD http://x/y /y\nUSER 1000\n")).containsExactly("dockerfile.parse");
    }

    @Test
    void imagesTheBuildNamesAreReturnedWithoutStages() {
        DockerfileRules.Analysis a = new DockerfileRules(SubmissionProperties.DEFAULT_BASE_IMAGES, Map.of("B", "debian:12"))
                .analyse("ARG B=python:3\nFROM ${B} AS build\nFROM subnet2-base/jre:17\n"
                        + "COPY --from=build /a /a\nCOPY --from=subnet2-base/python:3 /b /b\nUSER 1000\n");
        assertThat(a.violations()).isEmpty();
        assertThat(a.images()).containsExactly("debian:12", "subnet2-base/jre:17", "subnet2-base/python:3");
    }

    @Test
    void finalStageInheritsUserOfTheStageItIsBuiltFrom() {
        assertThat(ids("FROM python AS base\nUSER 1000\nFROM base\nRUN true\n")).isEmpty();
        assertThat(ids("FROM python AS base\nUSER 1000\nFROM base\nUSER root\n")).containsExactly("dockerfile.user");
    }

    @Test
    void configuredBuildArgumentsReplaceArgDefaultsWhenFromIsChecked() {
        String dockerfile = "ARG BASE_IMAGE=eclipse-temurin:17-jre\nFROM ${BASE_IMAGE}\nUSER 65534\n";
        List<String> allowed = SubmissionProperties.DEFAULT_BASE_IMAGES;
        assertThat(new DockerfileRules(allowed, Map.of("BASE_IMAGE", "subnet2-base/jre:17")).check(dockerfile))
                .isEmpty();
        assertThat(new DockerfileRules(allowed, Map.of("BASE_IMAGE", "quay.io/evil/img")).check(dockerfile))
                .extracting(v -> v.rule().id()).containsExactly("dockerfile.base-image");
        assertThat(new DockerfileRules(allowed, Map.of("OTHER", "quay.io/evil/img")).check(dockerfile)).isEmpty();
    }

    @Test
    void reasonsNameTheLineAndTheImage() {
        assertThat(rules.check("FROM python AS build\nRUN true\nFROM quay.io/evil/img\nUSER 1\n").get(0).text())
                .isEqualTo("[dockerfile.base-image] base image is not in the allowed base images: line 3: "
                        + "quay.io/evil/img (allowed: python, eclipse-temurin, debian, ubuntu, subnet2-base/*)");
    }

    @Test
    void parserHandlesContinuationsCommentsAndEscapeDirective() {
        List<DockerfileParser.Instruction> ins = DockerfileParser.parse(
                "# escape=`\nFROM python\nRUN echo a `\n  # comment inside\n  && echo b\nuser 1000\n");
        assertThat(ins).extracting(DockerfileParser.Instruction::keyword).containsExactly("FROM", "RUN", "USER");
        assertThat(ins.get(1).args()).contains("echo a").contains("&& echo b").doesNotContain("comment");
        assertThat(ins.get(2).line()).isEqualTo(6);
        // the engine joins continued lines without a separator
        assertThat(DockerfileParser.parse("FROM python\nRUN echo a\\\n  b\nAD\\\nD x y\n"))
                .extracting(DockerfileParser.Instruction::keyword, DockerfileParser.Instruction::args)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FROM", "python"),
                        org.assertj.core.groups.Tuple.tuple("RUN", "echo a  b"),
                        org.assertj.core.groups.Tuple.tuple("ADD", "x y"));
    }

    @Test
    void argExpansion() {
        Map<String, String> args = Map.of("A", "python", "EMPTY", "");
        assertThat(DockerfileRules.expand("${A}:3", args)).isEqualTo("python:3");
        assertThat(DockerfileRules.expand("$A", args)).isEqualTo("python");
        assertThat(DockerfileRules.expand("${EMPTY:-debian}", args)).isEqualTo("debian");
        assertThat(DockerfileRules.expand("${MISSING}", args)).isNull();
        assertThat(DockerfileRules.expand("${A", args)).isNull();
    }

    @Test
    void imagePatterns() {
        ImagePatterns p = new ImagePatterns(List.of("python", "subnet2-base/*", "debian:bookworm*"));
        assertThat(p.allows("python")).isTrue();
        assertThat(p.allows("library/python:3.12")).isTrue();
        assertThat(p.allows("docker.io/library/python@sha256:" + "0".repeat(64))).isTrue();
        assertThat(p.allows("subnet2-base/jre:17")).isTrue();
        assertThat(p.allows("subnet2-base/a/b:1")).isFalse();
        assertThat(p.allows("debian:bookworm-slim")).isTrue();
        assertThat(p.allows("debian:bullseye")).isFalse();
        assertThat(p.allows("Python:3")).isFalse();
        assertThat(p.allows("python:3 ; rm")).isFalse();
    }
}
