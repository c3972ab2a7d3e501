package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkPreview runs 50 clients on loopback at once, each posting an
// answer change and fetching the preview, and reports the latency of the
// pair: p50 and p99 in milliseconds.
func BenchmarkPreview(b *testing.B) {
	c := newClient(b, Config{})
	c.complete()
	srv := httptest.NewServer(c.h)
	defer srv.Close()
	tok := c.token()
	const clients = 50
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var mu sync.Mutex
	var lat []time.Duration
	b.ResetTimer()
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < clients; w++ {
		wg.Go(func() {
			for i := range next {
				// Two values in turn: every post changes the answer.
				form := url.Values{"csrf": {tok}, "gemeente": {fmt.Sprintf("Testdorp%d", i%2)}}
				t0 := time.Now()
				if err := round(hc, srv.URL, form); err != nil {
					b.Error(err)
				}
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		})
	}
	for i := 0; i < b.N; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)*50/100]), "p50-ms")
	b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func round(hc *http.Client, base string, form url.Values) error {
	r, err := http.NewRequest("POST", base+"/stap/gemeente", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if err := drain(hc.Do(r)); err != nil {
		return err
	}
	return drain(hc.Get(base + "/voorbeeld/verordening"))
}

func drain(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 400 {
		return fmt.Errorf("%s: %d", resp.Request.URL.Path, resp.StatusCode)
	}
	return nil
}
