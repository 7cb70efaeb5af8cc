package io.subnet2.validator.web.pages;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.subnet2.validator.web.api.PublicReads;
import io.subnet2.validator.web.api.Views.MinerHistory;
import io.subnet2.validator.web.api.Views.TournamentDetail;

/**
 * Server-rendered pages (Thymeleaf) over the same read model as the public API, so a page shows what
 * the API returns. Pages of something still moving reload themselves every {@value #REFRESH_SECONDS} s.
 */
@Controller
class PagesController {

    static final int REFRESH_SECONDS = 10;
    private static final Set<String> SETTLED = Set.of("completed", "failed");

    private final PublicReads reads;

    PagesController(PublicReads reads) {
        this.reads = reads;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        var stats = reads.stats();
        model.addAttribute("stats", stats);
        model.addAttribute("recent", reads.tournaments(null, null, 0, 10));
        model.addAttribute("open", stats.open().stream().map(t -> reads.tournament(t.id())).toList());
        model.addAttribute("refresh", REFRESH_SECONDS);
        return "dashboard";
    }

    @GetMapping("/tournaments")
    String tournaments(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("tournaments", reads.tournaments(status, null, page, 25));
        model.addAttribute("status", status);
        return "tournaments";
    }

    @GetMapping("/tournaments/{id}")
    String tournament(@PathVariable UUID id, @RequestParam(required = false) Integer epoch,
            @RequestParam(required = false) String network, @RequestParam(required = false) String runStatus,
            @RequestParam(defaultValue = "0") int page, Model model) {
        TournamentDetail detail = reads.tournament(id);
        model.addAttribute("detail", detail);
        model.addAttribute("t", detail.tournament());
        model.addAttribute("leaderboard", reads.leaderboard(id));
        model.addAttribute("submissions", reads.submissions(id, null, 0, 100));
        model.addAttribute("runs", reads.runs(id, epoch, network, runStatus, page, 100));
        model.addAttribute("filter", new RunFilter(epoch, network, runStatus));
        model.addAttribute("refresh", SETTLED.contains(detail.tournament().status()) ? null : REFRESH_SECONDS);
        return "tournament";
    }

    @GetMapping("/miners/{hotkey}")
    String miner(@PathVariable String hotkey, Model model) {
        MinerHistory history = reads.miner(hotkey);
        model.addAttribute("miner", history);
        model.addAttribute("chart", ScoreChart.of(history.runs()));
        boolean moving = history.runs().stream().anyMatch(r -> r.status().equals("pending")
                || r.status().equals("running"));
        model.addAttribute("refresh", moving ? REFRESH_SECONDS : null);
        return "miner";
    }

    @GetMapping("/miners/{hotkey}/runs/{id}")
    String ownRun(@PathVariable String hotkey, @PathVariable UUID id, Model model) {
        model.addAttribute("hotkey", hotkey);
        model.addAttribute("own", reads.ownRun(hotkey, id));
        return "run";
    }

    /** The runs table's filters, echoed into the form. */
    record RunFilter(Integer epoch, String network, String status) {
    }
}
