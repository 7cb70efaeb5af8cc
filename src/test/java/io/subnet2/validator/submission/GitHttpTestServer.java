package io.subnet2.validator.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * Real Git smart-HTTP server on 127.0.0.1 (embedded Tomcat + JGit's GitServlet) serving the bare
 * repositories under a folder as {@code /{owner}/{repo}.git}. Like GitHub it lets clients fetch any
 * reachable commit by SHA, except for owner {@code tiponly} (ref tips only). Owner
 * {@code redirect} answers with a redirect to another host, {@code private} asks for credentials,
 * {@code slow} stalls 10 s. Every
 * byte of response body is counted.
 */
public final class GitHttpTestServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final Connector connector;
    private final Path repositories;
    private final AtomicLong bytesServed = new AtomicLong();

    public GitHttpTestServer(Path workDir) throws LifecycleException, IOException {
        repositories = Files.createDirectories(workDir.resolve("repositories"));
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(new FileResolver<>(repositories.toFile(), true));
        git.setUploadPackFactory((request, db) -> {
            UploadPack up = new UploadPack(db);
            PackConfig pack = new PackConfig(db);
            pack.setBigFileThreshold(512 * 1024); // no delta search over the large random test blobs
            up.setPackConfig(pack);
            if (db.getDirectory().toPath().startsWith(repositories.resolve("tiponly"))) {
                // over HTTP JGit's own policies all allow reachable commits; this one wants ref tips
                up.setRequestValidator((uploadPack, wants) -> {
                    Set<ObjectId> tips = new HashSet<>();
                    for (Ref ref : uploadPack.getRepository().getRefDatabase().getRefs()) {
                        tips.add(ref.getObjectId());
                    }
                    for (ObjectId want : wants) {
                        if (!tips.contains(want)) {
                            throw new PackProtocolException("want " + want.name() + " not valid");
                        }
                    }
                });
            } else {
                up.setRequestPolicy(UploadPack.RequestPolicy.REACHABLE_COMMIT);
            }
            return up;
        });
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(workDir.resolve("tomcat")).toString());
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", repositories.toString());
        Tomcat.addServlet(context, "git", git);
        context.addServletMappingDecoded("/*", "git");
        FilterDef def = new FilterDef();
        def.setFilterName("behaviour");
        def.setFilter(new BehaviourFilter());
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("behaviour");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
    }

    /** Folder where {@link TestRepo#create} should put repositories. */
    public Path repositories() {
        return repositories;
    }

    /** {@code 127.0.0.1:PORT}, the entry for validator.submission.loopback-http-hosts. */
    public String hostPort() {
        return "127.0.0.1:" + connector.getLocalPort();
    }

    public String url(String ownerAndRepo) {
        return "http://" + hostPort() + "/" + ownerAndRepo;
    }

    long bytesServed() {
        return bytesServed.get();
    }

    void resetBytesServed() {
        bytesServed.set(0);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private final class BehaviourFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String path = request.getRequestURI();
            if (path.startsWith("/redirect/")) {
                response.sendRedirect("http://evil.example.com" + path.substring("/redirect".length()));
                return;
            }
            if (path.startsWith("/private/")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"private\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (path.startsWith("/slow/")) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            chain.doFilter(request, new CountingResponse(response));
        }
    }

    private final class CountingResponse extends HttpServletResponseWrapper {
        private ServletOutputStream stream;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override public boolean isReady() { return out.isReady(); }
                    @Override public void setWriteListener(WriteListener listener) { out.setWriteListener(listener); }
                    @Override public void flush() throws IOException { out.flush(); }
                    @Override public void close() throws IOException { out.close(); }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        bytesServed.incrementAndGet();
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        bytesServed.addAndGet(len);
                    }
                };
            }
            return stream;
        }
    }
}
