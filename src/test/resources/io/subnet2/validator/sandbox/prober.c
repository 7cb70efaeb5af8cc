/* Syscall prober for the sandbox tests: tries each call the seccomp profile forbids and prints
 * "name=<errno name>" per line ("name=OK" when it succeeded). Static, no libc wrappers that could
 * hide the raw result. "prober euid" prints the effective uid (setuid-root copy test). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *ename(int e) {
    switch (e) {
    case EPERM: return "EPERM";
    case ENOSYS: return "ENOSYS";
    case EACCES: return "EACCES";
    case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case ESRCH: return "ESRCH";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    default: return "OTHER";
    }
}

static void report(const char *name, long rc) {
    if (rc == -1) printf("%s=%s\n", name, ename(errno));
    else printf("%s=OK\n", name);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "euid") == 0) {
        printf("euid=%d\n", (int) geteuid());
        report("setuid0", syscall(SYS_setuid, 0));
        return 0;
    }
    char buf[64];
    long pid;
    report("ptrace", syscall(SYS_ptrace, 0 /* PTRACE_TRACEME */, 0, 0, 0));
    report("process_vm_readv", syscall(SYS_process_vm_readv, getpid(), 0, 0, 0, 0, 0));
    report("mount", syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, 0));
    report("umount2", syscall(SYS_umount2, "/tmp", 0));
    report("pivot_root", syscall(SYS_pivot_root, "/tmp", "/tmp"));
    report("unshare", syscall(SYS_unshare, CLONE_NEWUSER));
    report("setns", syscall(SYS_setns, 0, 0));
    report("bpf", syscall(SYS_bpf, 0, buf, 0));
    report("keyctl", syscall(SYS_keyctl, 1 /* KEYCTL_JOIN_SESSION_KEYRING */, 0));
    report("add_key", syscall(SYS_add_key, "user", "k", "v", 1, -3));
    report("request_key", syscall(SYS_request_key, "user", "k", 0, 0));
    report("perf_event_open", syscall(SYS_perf_event_open, buf, 0, -1, -1, 0));
    report("userfaultfd", syscall(SYS_userfaultfd, 0));
    report("kexec_load", syscall(SYS_kexec_load, 0, 0, 0, 0));
    report("init_module", syscall(SYS_init_module, buf, 0, ""));
    report("delete_module", syscall(SYS_delete_module, "x", 0));
    report("open_by_handle_at", syscall(SYS_open_by_handle_at, 0, buf, 0));
    report("name_to_handle_at", syscall(SYS_name_to_handle_at, AT_FDCWD, "/", buf, buf, 0));
    report("personality", syscall(SYS_personality, 0x0400000 /* READ_IMPLIES_EXEC */));
    pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) _exit(0);
    report("clone_newuser", pid);
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    ca.exit_signal = SIGCHLD;
    pid = syscall(SYS_clone3, &ca, sizeof ca);
    if (pid == 0) _exit(0);
    report("clone3", pid);
    /* controls: allowed calls still work */
    report("getpid", syscall(SYS_getpid));
    report("personality_query", syscall(SYS_personality, 0xffffffff));
    pid = fork();
    if (pid == 0) _exit(0);
    report("fork", pid);
    return 0;
}
