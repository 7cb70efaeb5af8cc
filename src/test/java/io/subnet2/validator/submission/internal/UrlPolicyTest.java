package io.subnet2.validator.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.subnet2.validator.submission.SubmissionProperties;

class UrlPolicyTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    final UrlPolicy production = new UrlPolicy(SubmissionProperties.defaults());
    final UrlPolicy test = new UrlPolicy(SubmissionProperties.withLoopbackHosts(List.of("127.0.0.1:8080")));

    static String ruleOf(UrlPolicy policy, String url, String commit) {
        try {
            policy.check(url, commit);
            return "ok";
        } catch (Rejection r) {
            return r.violations().get(0).rule().id();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://github.com/miner/analyzer, ok",
        "https://github.com/miner/analyzer.git, ok",
        "https://GitLab.com/Miner_1/my.analyzer-2, ok",
        "https://user:token@github.com/miner/analyzer, url.credentials",
        "https://token@github.com/miner/analyzer, url.credentials",
        "http://github.com/miner/analyzer, url.scheme",
        "file:///etc/passwd, url.scheme",
        "ssh://git@github.com/miner/analyzer.git, url.scheme",
        "git://github.com/miner/analyzer.git, url.scheme",
        "ext::sh -c touch% /tmp/pwned, url.syntax",
        "git@github.com:miner/analyzer.git, url.syntax",
        "github.com/miner/analyzer, url.scheme",
        "https://github.com:8443/miner/analyzer, url.port",
        "https://140.82.121.4/miner/analyzer, url.ip-literal",
        "https://169.254.169.254/latest/meta, url.ip-literal",
        "https://[::1]/miner/analyzer, url.ip-literal",
        "https://2130706433/miner/analyzer, url.ip-literal",
        "https://localhost/miner/analyzer, url.host",
        "https://github.com.evil.example/miner/analyzer, url.host",
        "https://api.github.com/miner/analyzer, url.host",
        "https://github.com/miner, url.path",
        "https://github.com/miner/analyzer/tree/main, url.path",
        "https://github.com/miner/analyzer/, url.path",
        "https://github.com/../etc/passwd, url.path",
        "https://github.com/miner/%2e%2e, url.path",
        "https://github.com/-upload-pack/x, url.path",
        "https://github.com/miner/analyzer?x=1, url.query",
        "https://github.com/miner/analyzer#frag, url.query",
        "http://127.0.0.1:8080/miner/analyzer.git, url.scheme"
    })
    void productionPolicy(String url, String expected) {
        assertThat(ruleOf(production, url, SHA)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080/miner/analyzer.git, ok",
        "http://127.0.0.1:8081/miner/analyzer.git, url.scheme",
        "http://127.0.0.2:8080/miner/analyzer.git, url.scheme",
        "http://u:p@127.0.0.1:8080/miner/analyzer.git, url.credentials",
        "http://127.0.0.1:8080/miner/analyzer/extra, url.path",
        "https://127.0.0.1:8080/miner/analyzer, url.port"
    })
    void loopbackEntriesOnlyOpenTheirOwnHostAndPort(String url, String expected) {
        assertThat(ruleOf(test, url, SHA)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "HEAD", "v1.0", "0123456", "-x --upload-pack=touch /tmp/pwned",
            "0123456789abcdef0123456789abcdef0123456", "0123456789abcdef0123456789abcdef012345678",
            "g123456789abcdef0123456789abcdef01234567", "--0123456789abcdef0123456789abcdef012345", ""})
    void commitMustBeAFullSha(String commit) {
        assertThat(ruleOf(production, "https://github.com/miner/analyzer", commit)).isEqualTo("commit.format");
    }

    @Test
    void normalisesUrlAndCommit() throws Rejection {
        UrlPolicy.Target target = production.check("HTTPS://GitHub.com/Miner/Analyzer.git", SHA.toUpperCase());
        assertThat(target.url().toString()).isEqualTo("https://github.com/Miner/Analyzer.git");
        assertThat(target.commit()).isEqualTo(SHA);
    }

    @Test
    void overlongUrlAndControlCharactersInReasons() {
        String longUrl = "https://github.com/miner/" + "a".repeat(600);
        assertThat(ruleOf(production, longUrl, SHA)).isEqualTo("url.length");
        assertThatThrownBy(() -> production.check("https://github.com/miner/x", "main\n[url.host] fake"))
                .isInstanceOf(Rejection.class)
                .hasMessage("[commit.format] commit must be a full 40-character hexadecimal SHA-1 (branch names, "
                        + "tags and short SHAs are not accepted): got 'main?[url.host] fake'");
    }
}
