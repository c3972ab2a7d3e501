package main

import (
	"context"
	"errors"
	"fmt"
	iofs "io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"verordening/internal/pdf"
	"verordening/internal/source"
	"verordening/internal/web"
)

func runServe(e *env, args []string) int {
	var addr, answers, content, regionFile string
	var noPDF bool
	fs := flagSet(e, "serve", "[--addr ADRES] [--answers BESTAND] [--region BESTAND]",
		"Start de wizard in de browser: per onderdeel de vragen met toelichting en standaardwaarden,\n"+
			"een overzicht, en een voorbeeld van de documenten met bij elk artikel waarom het er staat.\n"+
			"Met --answers wordt elke wijziging meteen in dat bestand bewaard (het mag nog niet bestaan).")
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "het adres waarop de wizard luistert; alleen deze computer kan er standaard bij")
	argName(fs, "addr", "ADRES")
	fs.StringVar(&answers, "answers", "", "het antwoordbestand dat de wizard leest en bij elke wijziging bijwerkt")
	argName(fs, "answers", "BESTAND")
	fs.StringVar(&regionFile, "region", "", "een regiobestand: het harmonisatieoverzicht en de documenten van elke gemeente zijn dan te bekijken")
	argName(fs, "region", "BESTAND")
	fs.BoolVar(&noPDF, "no-pdf", false, "start geen Chromium: het zip-bestand met documenten bevat dan geen PDF")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError(e, "serve", "--addr %q is geen adres; schrijf host:poort, bijvoorbeeld 127.0.0.1:8080", addr)
	}
	cfg, ok := serveConfig(e, content, answers)
	if !ok {
		return exitInput
	}
	c := cfg.Content
	if regionFile != "" {
		f, code := readRegion(e, c, regionFile, "")
		if f == nil {
			return code
		}
		cfg.Region = f
	}
	cfg.Host = host
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	if !noPDF {
		if _, err := pdf.Find(); err == nil {
			if p, err := pdf.Start(ctx, pdf.Options{}); err == nil {
				c.Printer = p
				cfg.PDF = true
				defer p.Close()
			}
		}
	}
	srv, err := web.New(cfg)
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Verbeter het antwoordbestand, of start zonder --answers en upload het in de wizard.")
		return exitInput
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "verordening serve: kan niet luisteren op %s: %v\nKies een ander adres met --addr, bijvoorbeeld 127.0.0.1:8081.\n", addr, source.OSError(err))
		return exitInput
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(e.stderr, "let op: de wizard luistert op %s; andere computers in het netwerk kunnen hem openen.\n", addr)
	}
	fmt.Fprintf(e.stdout, "De wizard draait. Open in uw browser: http://%s/\nStoppen: Ctrl-C.\n", ln.Addr())
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, MaxHeaderBytes: 64 << 10}
	go func() {
		<-ctx.Done()
		sctx, stop := context.WithTimeout(context.Background(), 5*time.Second)
		defer stop()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "verordening serve: %v\n", err)
		return exitInput
	}
	fmt.Fprintln(e.stdout, "De wizard is gestopt.")
	return exitOK
}

// serveConfig loads the content pack and, when --answers names a file
// that exists, reads it as the CLI reads input; a new file is made by the
// first change.
func serveConfig(e *env, content, answers string) (web.Config, bool) {
	c, ok := loadContent(e, content)
	cfg := web.Config{Content: c, AnswersFile: answers}
	if !ok || answers == "" {
		return cfg, ok
	}
	if _, err := os.Lstat(answers); errors.Is(err, iofs.ErrNotExist) {
		return cfg, true
	}
	data, err := readInput(answers)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: kan het antwoordbestand niet lezen: %v\n", answers, err)
		return cfg, false
	}
	cfg.Initial = data
	return cfg, true
}
