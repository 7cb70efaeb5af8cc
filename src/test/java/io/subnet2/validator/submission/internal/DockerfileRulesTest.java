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
        "FROM python\\nADD https://evil.example/x.tgz /x\\nUSER 1000 | dockerfile.add-url",
        "FROM python\\nADD --chown=1 git@github.com:x/y.git /x\\nUSER 1000 | dockerfile.add-url",
        "FROM python\\nADD [\"ftp://evil/x\", \"/x\"]\\nUSER 1000 | dockerfile.add-url",
        "FROM python\\nRUN --network=host pip install x\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN --security=insecure true\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN --mount=type=secret,id=x cat /run/secrets/x\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nRUN \\\\n  --privileged true\\nUSER 1000 | dockerfile.run-flag",
        "FROM python\\nVOLUME /var/run/docker.sock\\nUSER 1000 | dockerfile.docker-sock",
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
