package site

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"marsad/internal/ui"
)

// go-app writes index.html, app.js and the manifest from templates of its
// own; a few things in them are Marsad's to decide, and are changed in the
// generated files here. Each change checks that what it replaces is there,
// so that a go-app upgrade that moves it fails the build instead of
// shipping a page without it.

//go:embed loader.js
var loaderTemplate string

// ContentSecurityPolicy is the page's policy: its own files only, and
// WebAssembly compilation (wasm-unsafe-eval) but no JavaScript eval. Nothing
// is inline: go-app's page has no inline script or style, and Marsad adds
// none.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// CleanBase checks a base path and gives it its slashes: "" and "/" are the
// root, "marsad" is "/marsad/".
func CleanBase(base string) (string, error) {
	if base == "" || base == "/" {
		return "/", nil
	}
	b := "/" + strings.Trim(base, "/") + "/"
	u, err := url.Parse(b)
	if err != nil || u.Path != b || u.RawQuery != "" || u.Fragment != "" || strings.Contains(b, "//") ||
		strings.Contains(b, "/./") || strings.Contains(b, "/../") {
		return "", fmt.Errorf("-base %q: want a plain path such as /marsad/", base)
	}
	return b, nil
}

// cleanPublicURL checks the site's public address: absolute http(s), ending
// in a slash ("" when none is given).
func cleanPublicURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("-url %q: want the site's address, such as https://example.org/marsad/", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

var (
	ogURLOrImage = regexp.MustCompile(`\n\s*<meta [^>]*property="og:(url|image)"[^>]*>`)
	charsetMeta  = `<meta charset="UTF-8">`
	goappInit    = "\ngoappInitWebAssembly();\n"
	scopeRoot    = `"scope":"/"`
)

// finishPages makes go-app's generated files Marsad's: the page gets the
// Content-Security-Policy and correct or no og: tags, app.js Marsad's
// loader, the manifest the scope the site is served under.
func finishPages(dir string, c Config, publicURL string) error {
	indexPath := filepath.Join(dir, "index.html")
	page, err := os.ReadFile(indexPath)
	if err != nil {
		return err
	}
	p := string(page)
	if !strings.Contains(p, charsetMeta) {
		return fmt.Errorf("%s: go-app's page has no %s to put the Content-Security-Policy after", indexPath, charsetMeta)
	}
	// go-app writes og:url and og:image from its Domain, "https://" when
	// there is none; a link preview is better with none than with that.
	p = ogURLOrImage.ReplaceAllString(p, "")
	head := charsetMeta + "\n    " + `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
	if publicURL != "" {
		head += "\n    " + `<meta property="og:url" content="` + html.EscapeString(publicURL) + `">` +
			"\n    " + `<meta property="og:image" content="` + html.EscapeString(publicURL+"web/icons/icon-512.png") + `">`
	}
	p = strings.Replace(p, charsetMeta, head, 1)
	if err := os.WriteFile(indexPath, []byte(p), 0o644); err != nil {
		return err
	}

	jsPath := filepath.Join(dir, "app.js")
	js, err := os.ReadFile(jsPath)
	if err != nil {
		return err
	}
	if !strings.Contains(string(js), goappInit) {
		return fmt.Errorf("%s: go-app's app.js no longer starts the wasm with goappInitWebAssembly(); Marsad's loader needs updating", jsPath)
	}
	text, err := json.Marshal(ui.LoaderText())
	if err != nil {
		return err
	}
	loader := strings.Replace(loaderTemplate, "{{.LoaderText}}", string(text), 1)
	// The loader starts last, once its constants are defined.
	out := strings.Replace(string(js), goappInit, "\n", 1) + loader + "\nmarsadLoadWebAssembly();\n"
	if err := os.WriteFile(jsPath, []byte(out), 0o644); err != nil {
		return err
	}

	if c.basePrefix() == "" {
		return nil
	}
	manifestPath := filepath.Join(dir, "manifest.webmanifest")
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		return err
	}
	compact := strings.ReplaceAll(string(manifest), `"scope": "/"`, scopeRoot)
	if !strings.Contains(compact, scopeRoot) {
		return fmt.Errorf("%s: no scope to set to %s", manifestPath, c.Base)
	}
	scope, _ := json.Marshal(c.Base)
	compact = strings.Replace(compact, scopeRoot, `"scope":`+string(scope), 1)
	return os.WriteFile(manifestPath, []byte(compact), 0o644)
}
