package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "musterek")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "musterek.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	orgs := db.Organizations()
	err = orgs.CreateOrganization(ctx, &cso.Organization{
		Slug:   "cocuk-haklari-dernegi",
		Name:   cso.Text{"tr": "Çocuk Hakları Derneği"},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
		Services: []cso.Service{{
			Name:      cso.Text{"tr": "Hukuki danışmanlık"},
			Areas:     []string{"legal_counseling"},
			Provinces: []int{34},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}

	res, err := orgs.Search(ctx, cso.Query{Text: "COCUK", Province: 34})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range res.Items {
		fmt.Println(o.Slug, o.Name["tr"])
	}
	// Output: cocuk-haklari-dernegi Çocuk Hakları Derneği
}
