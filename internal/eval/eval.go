// Package eval measures Marsad's Arabic analyzer (marsad/internal/arabic)
// against the reference everybody ships, Lucene's ArabicAnalyzer with
// light10 stemming (re-implemented here as Light10Terms):
//
//   - conflation: on a labelled set of word pairs (testdata/conflation.tsv,
//     embedded), does the analyzer give two forms the same term exactly when
//     an Arabic reader takes them as the same word? Precision, recall and F1
//     of the "same" class.
//   - retrieval: BM25 (k1 0.9, b 0.4) over the XQuAD-R Arabic sentences in
//     ../shared/eval/xquad_r_ar; MRR@10, Recall@10, Recall@100 and
//     zero-result queries.
//   - speed of our analyzer over the text of news-70k articles.
//
// The data under ../shared is optional for the project; Run reports which
// file it needs when it is missing.
package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"marsad/internal/arabic"
)

//go:embed testdata/conflation.tsv
var conflationTSV []byte

// ConflationData returns the embedded conflation set.
func ConflationData() []byte { return conflationTSV }

// Ours is the project's analyzer; Baseline is the light10 reference.
var (
	Ours     = Analyzer{Name: "marsad", Terms: arabic.Terms}
	Baseline = Analyzer{Name: "light10", Terms: Light10Terms}
)

// Targets the project's analyzer must meet against the baseline.
const (
	TargetF1Gain   = 0.10 // ours F1 ≥ baseline F1 + this, with precision ≥ baseline's
	TargetMRRRatio = 1.05 // ours MRR@10 ≥ baseline MRR@10 × this
)

// Options of Run.
type Options struct {
	// SharedDir is the shared material directory (holds eval/xquad_r_ar and
	// corpora/news-70k.jsonl.gz); "" means "../shared".
	SharedDir string
	// Conflation is the path of a conflation file; "" uses the embedded
	// testdata/conflation.tsv.
	Conflation string
	// NoSearch skips the end-to-end search sets (they index news-70k's
	// SaudiNewsNet part, a minute or two).
	NoSearch bool
	// SpeedBudget is how long to analyze news-70k text for the speed
	// figure (articles are taken in file order until the analysis time
	// reaches it); 0 means 3 s, a negative value skips the measurement.
	SpeedBudget time.Duration
}

// AnalyzerReport holds the figures of one analyzer.
type AnalyzerReport struct {
	Name       string
	Conflation ConflationScore
	Retrieval  RetrievalScore
}

// Speed is the analysis throughput of our analyzer.
type Speed struct {
	Corpus   string
	Articles int     // first N articles of the corpus analyzed
	Bytes    int64   // UTF-8 bytes of their "text"
	Tokens   int     // tokens produced
	Seconds  float64 // analysis time (reading and decompression excluded)
}

// MBps is the throughput in 10^6 bytes of UTF-8 text per second.
func (s Speed) MBps() float64 {
	if s.Seconds == 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Seconds
}

// Report holds both analyzers' figures.
type Report struct {
	ConflationSource string
	Pairs, SamePairs int
	Collection       string
	Docs, Topics     int
	Ours, Baseline   AnalyzerReport
	Speed            *Speed // nil when skipped
	// Search is end-to-end search on each set (nil when skipped).
	Search []SearchSet
}

// Run evaluates both analyzers.
func Run(opts Options) (*Report, error) {
	shared := opts.SharedDir
	if shared == "" {
		shared = "../shared"
	}
	r := &Report{}

	data, src := conflationTSV, "embedded testdata/conflation.tsv"
	if opts.Conflation != "" {
		b, err := os.ReadFile(opts.Conflation)
		if err != nil {
			return nil, fmt.Errorf("eval needs %s: %w", opts.Conflation, err)
		}
		data, src = b, opts.Conflation
	}
	pairs, err := ParsePairs(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	r.ConflationSource, r.Pairs = src, len(pairs)
	for _, p := range pairs {
		if p.Same {
			r.SamePairs++
		}
	}

	dir := filepath.Join(shared, "eval", "xquad_r_ar")
	coll, err := LoadCollection(dir)
	if err != nil {
		return nil, err
	}
	r.Collection, r.Docs, r.Topics = dir, len(coll.Docs), len(coll.Topics)

	for _, x := range []struct {
		a   Analyzer
		out *AnalyzerReport
	}{{Ours, &r.Ours}, {Baseline, &r.Baseline}} {
		x.out.Name = x.a.Name
		x.out.Conflation = ScoreConflation(pairs, x.a)
		x.out.Retrieval = ScoreRetrieval(coll, x.a)
	}

	if !opts.NoSearch {
		if r.Search, err = searchSets(shared); err != nil {
			return nil, err
		}
	}

	if opts.SpeedBudget >= 0 {
		budget := opts.SpeedBudget
		if budget == 0 {
			budget = 3 * time.Second
		}
		sp, err := measureSpeed(filepath.Join(shared, "corpora", "news-70k.jsonl.gz"), budget)
		if err != nil {
			return nil, err
		}
		r.Speed = sp
	}
	return r, nil
}

// measureSpeed analyzes the "text" of the articles of a gzipped JSONL corpus
// in file order, batch by batch, until the analysis time reaches budget or
// the corpus ends. It runs on one goroutine with GOMAXPROCS set to 1 for the
// duration (so the garbage collector does not borrow other cores).
func measureSpeed(path string, budget time.Duration) (*Speed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval needs %s: %w", path, err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("eval needs %s: %w", path, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<28)

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	sp := &Speed{Corpus: path}
	var elapsed time.Duration
	batch := make([]string, 0, 500)
	flush := func() {
		runtime.GC()
		start := time.Now()
		for _, t := range batch {
			sp.Tokens += len(arabic.Analyze(t))
		}
		elapsed += time.Since(start)
		batch = batch[:0]
	}
	for elapsed < budget && sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: article %d: %w", path, sp.Articles+1, err)
		}
		sp.Articles++
		sp.Bytes += int64(len(a.Text))
		batch = append(batch, a.Text)
		if len(batch) == cap(batch) {
			flush()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	flush()
	sp.Seconds = elapsed.Seconds()
	return sp, nil
}

// ConflationTargetMet reports whether ours beats the baseline's F1 by
// TargetF1Gain with at least its precision.
func (r *Report) ConflationTargetMet() bool {
	o, b := r.Ours.Conflation, r.Baseline.Conflation
	return o.F1() >= b.F1()+TargetF1Gain && o.Precision() >= b.Precision()
}

// RetrievalTargetMet reports whether ours reaches TargetMRRRatio × the
// baseline's MRR@10.
func (r *Report) RetrievalTargetMet() bool {
	return r.Ours.Retrieval.MRR10 >= TargetMRRRatio*r.Baseline.Retrieval.MRR10
}

// TargetsMet reports whether both targets hold.
func (r *Report) TargetsMet() bool { return r.ConflationTargetMet() && r.RetrievalTargetMet() }

// MaxMissesShown bounds the misclassified pairs Write lists.
const MaxMissesShown = 30

// Write prints the report as a side-by-side table, the verdict on the
// targets, and the pairs our analyzer gets wrong.
func (r *Report) Write(w io.Writer) {
	o, b := r.Ours, r.Baseline
	oc, bc := o.Conflation, b.Conflation
	or, br := o.Retrieval, b.Retrieval
	fmt.Fprintf(w, "Conflation: %d pairs (%d same, %d different) from %s\n",
		r.Pairs, r.SamePairs, r.Pairs-r.SamePairs, r.ConflationSource)
	fmt.Fprintf(w, "Retrieval:  %d documents, %d topics (%d judged) from %s; BM25 k1=%.1f b=%.1f, OR of query terms\n\n",
		r.Docs, r.Topics, or.Topics, r.Collection, BM25K1, BM25B)
	row := func(name, ours, base, diff string) {
		fmt.Fprintf(w, "  %-24s %10s %10s %10s\n", name, ours, base, diff)
	}
	f3 := func(x float64) string { return fmt.Sprintf("%.3f", x) }
	d3 := func(x float64) string { return fmt.Sprintf("%+.3f", x) }
	di := func(x int) string { return fmt.Sprintf("%+d", x) }
	it := func(x int) string { return fmt.Sprint(x) }
	row("", o.Name, b.Name, "ours-base")
	row("conflation precision", f3(oc.Precision()), f3(bc.Precision()), d3(oc.Precision()-bc.Precision()))
	row("conflation recall", f3(oc.Recall()), f3(bc.Recall()), d3(oc.Recall()-bc.Recall()))
	row("conflation F1", f3(oc.F1()), f3(bc.F1()), d3(oc.F1()-bc.F1()))
	row("  same joined (TP)", it(oc.TP), it(bc.TP), di(oc.TP-bc.TP))
	row("  same kept apart (FN)", it(oc.FN), it(bc.FN), di(oc.FN-bc.FN))
	row("  different joined (FP)", it(oc.FP), it(bc.FP), di(oc.FP-bc.FP))
	row("  different apart (TN)", it(oc.TN), it(bc.TN), di(oc.TN-bc.TN))
	row("MRR@10", f3(or.MRR10), f3(br.MRR10), d3(or.MRR10-br.MRR10))
	row("Recall@10", f3(or.Recall10), f3(br.Recall10), d3(or.Recall10-br.Recall10))
	row("Recall@100", f3(or.Recall100), f3(br.Recall100), d3(or.Recall100-br.Recall100))
	row("zero-result queries", it(or.ZeroResults), it(br.ZeroResults), di(or.ZeroResults-br.ZeroResults))
	fmt.Fprintln(w)

	verdict := func(ok bool) string {
		if ok {
			return "MET"
		}
		return "NOT MET"
	}
	fmt.Fprintf(w, "Target conflation F1 >= %.3f + %.2f = %.3f with precision >= %.3f: %s (F1 %.3f, precision %.3f)\n",
		bc.F1(), TargetF1Gain, bc.F1()+TargetF1Gain, bc.Precision(), verdict(r.ConflationTargetMet()), oc.F1(), oc.Precision())
	fmt.Fprintf(w, "Target MRR@10 >= %.2f x %.3f = %.3f: %s (MRR@10 %.3f)\n",
		TargetMRRRatio, br.MRR10, TargetMRRRatio*br.MRR10, verdict(r.RetrievalTargetMet()), or.MRR10)
	fmt.Fprintf(w, "All targets: %s\n", verdict(r.TargetsMet()))
	if len(r.Search) > 0 {
		fmt.Fprintln(w)
		writeSearchSets(w, r.Search)
		r.writeSearchTargets(w, verdict)
	}

	if s := r.Speed; s != nil {
		fmt.Fprintf(w, "\nSpeed of %s (arabic.Analyze, one core): %.1f MB/s — first %d articles of %s, %.1f MB of text, %d tokens, %.2f s\n",
			o.Name, s.MBps(), s.Articles, filepath.Base(s.Corpus), float64(s.Bytes)/1e6, s.Tokens, s.Seconds)
	}

	if len(oc.Misses) > 0 {
		shown := pickMisses(oc.Misses, MaxMissesShown)
		fmt.Fprintf(w, "\nPairs %s gets wrong: %d same pairs kept apart, %d different pairs joined (%d shown):\n",
			o.Name, oc.FN, oc.FP, len(shown))
		for _, m := range shown {
			label := "same, kept apart"
			if !m.Same {
				label = "different, joined"
			}
			note := ""
			if m.Note != "" {
				note = "  # " + m.Note
			}
			fmt.Fprintf(w, "  line %3d  %s / %s  [%s]  terms %s / %s%s\n",
				m.Line, m.A, m.B, label, quoteEmpty(m.TermA), quoteEmpty(m.TermB), note)
		}
	}
}

// pickMisses returns at most n misses, half of each kind when both kinds
// have that many (the rest of the quota goes to the other kind), in the
// order of Misses (kept-apart pairs first).
func pickMisses(misses []Miss, n int) []Miss {
	var fn, fp []Miss
	for _, m := range misses {
		if m.Same {
			fn = append(fn, m)
		} else {
			fp = append(fp, m)
		}
	}
	nfp := min(len(fp), n-n/2)
	nfn := min(len(fn), n-nfp)
	nfp = min(len(fp), n-nfn)
	return append(fn[:nfn:nfn], fp[:nfp]...)
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return strings.ReplaceAll(s, " ", "+")
}
