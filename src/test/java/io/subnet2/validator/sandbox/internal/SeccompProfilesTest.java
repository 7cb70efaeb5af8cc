package io.subnet2.validator.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.sandbox.SandboxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Static checks of the repository's seccomp.json; SeccompProfileTest proves it in containers. */
class SeccompProfilesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void packagedCopyEqualsTheRepositoryFile() {
        assertThat(SeccompProfiles.load(null)).isEqualTo(SeccompProfiles.load(Path.of("seccomp.json")));
    }

    @Test
    void allowListDeniesTheDangerousCallsAndKeepsWhatRuncNeeds() {
        JsonNode profile = JSON.readTree(SeccompProfiles.load(Path.of("seccomp.json")));
        assertThat(profile.get("defaultAction").asString()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(profile.get("architectures").toString()).contains("SCMP_ARCH_X86_64");

        List<String> allowed = new ArrayList<>();
        for (JsonNode rule : profile.get("syscalls")) {
            if (rule.get("action").asString().equals("SCMP_ACT_ALLOW") && !rule.has("args")) {
                rule.get("names").forEach(n -> allowed.add(n.asString()));
            }
        }
        assertThat(allowed).doesNotContainAnyElementsOf(List.of("ptrace", "process_vm_readv", "process_vm_writev",
                "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key", "mount", "umount",
                "umount2", "pivot_root", "unshare", "setns", "clone", "clone3", "kexec_load", "kexec_file_load",
                "init_module", "finit_module", "delete_module", "open_by_handle_at", "name_to_handle_at",
                "personality", "fsopen", "fsmount", "move_mount", "open_tree"));
        // runc reads /proc/self/fd after the filter is installed ("readdirent ... operation not permitted")
        assertThat(allowed).contains("getdents64", "getdents", "openat", "newfstatat", "fstat", "close",
                "close_range", "fcntl", "execve", "futex", "execveat", "fork", "vfork");
    }

    @Test
    void cloneIsFilteredOnNamespaceFlagsAndClone3AnswersEnosys() {
        JsonNode profile = JSON.readTree(SeccompProfiles.load(Path.of("seccomp.json")));
        JsonNode clone = null;
        JsonNode clone3 = null;
        for (JsonNode rule : profile.get("syscalls")) {
            String first = rule.get("names").get(0).asString();
            if (rule.get("names").size() == 1 && first.equals("clone")) {
                clone = rule;
            } else if (rule.get("names").size() == 1 && first.equals("clone3")) {
                clone3 = rule;
            }
        }
        assertThat(clone).isNotNull();
        assertThat(clone.get("args").get(0).get("op").asString()).isEqualTo("SCMP_CMP_MASKED_EQ");
        assertThat(clone.get("args").get(0).get("value").asLong()).isEqualTo(0x7E020000L);
        assertThat(clone3.get("action").asString()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(clone3.get("errnoRet").asInt()).isEqualTo(38);
    }

    @Test
    void refusesProfilesThatAreNotAllowLists(@TempDir Path dir) throws Exception {
        Path permissive = Files.writeString(dir.resolve("p.json"),
                "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"ptrace\"],\"action\":\"SCMP_ACT_ERRNO\"}]}");
        Path broken = Files.writeString(dir.resolve("b.json"), "{not json");
        assertThatThrownBy(() -> SeccompProfiles.load(permissive)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("deny by default");
        assertThatThrownBy(() -> SeccompProfiles.load(broken)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SeccompProfiles.load(dir.resolve("missing.json")))
                .isInstanceOf(SandboxException.class);
    }
}
