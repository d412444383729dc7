package link

import (
	_ "embed"
	"net/url"
	"strings"

	"marsad"
)

//go:embed data/outlets.tsv
var outletsTSV string

// outlets maps source ids and web hosts to the outlet's country.
var outlets = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(outletsTSV, "\n") {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) < 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		m["id:"+f[0]], m["host:"+f[1]] = f[2], f[2]
		if len(f) > 3 {
			outletIDs[f[0]] = f[3]
		}
	}
	return m
}()

// outletIDs maps source ids to the outlet's knowledge-base id
// (data/outlets.tsv, fourth column).
var outletIDs = map[string]string{}

// arabTLDs are the country domains of the Arab world, whose outlets use
// bare titles for their own country's offices.
var arabTLDs = map[string]bool{"sa": true, "ae": true, "eg": true, "kw": true, "qa": true, "bh": true, "om": true,
	"jo": true, "lb": true, "iq": true, "ye": true, "sy": true, "ps": true, "ma": true, "dz": true, "tn": true,
	"ly": true, "sd": true}

// OutletCountry returns the country (ISO alpha-2) of an article's outlet:
// by its source id or URL host in data/outlets.tsv, else by an Arab
// country's domain; "" when unknown. A bare title (ولي العهد، وزير
// الخارجية) the article does not introduce refers to that country's office.
func OutletCountry(a *marsad.Article) string {
	if c := outlets["id:"+a.Source]; c != "" {
		return c
	}
	u, err := url.Parse(a.URL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if c := outlets["host:"+host]; c != "" {
		return c
	}
	if i := strings.LastIndexByte(host, '.'); i >= 0 && arabTLDs[host[i+1:]] {
		return strings.ToUpper(host[i+1:])
	}
	return ""
}
