package cso_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
)

// This example opens an embedded SQLite store, imports two organizations
// from CSV and searches the way a person types: without Turkish letters.
func ExampleDirectory_Search() {
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "musterek-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	db, err := store.Open(ctx, "sqlite:"+filepath.Join(tmp, "musterek.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	dir := cso.NewDirectory(db.Organizations())

	csv := "name_tr,name_en,kind,provinces,service_areas\n" +
		"Çocuk Hakları Derneği,Children's Rights Association,association,İstanbul,child_protection\n" +
		"Göçmen Hukuk Vakfı,Migrant Law Foundation,foundation,İstanbul;İzmir,legal_counseling\n"
	if _, err := dir.Import(ctx, cso.Admin(), strings.NewReader(csv)); err != nil {
		log.Fatal(err)
	}

	res, err := dir.Search(ctx, cso.Query{Text: "COCUK", Province: 34})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range res.Items {
		fmt.Println(o.Slug, "|", o.Name.In("en").Value)
	}
	// Output:
	// cocuk-haklari-dernegi | Children's Rights Association
}

// This example shows how a write names the party asking: an organization
// token can change its own organization and nothing else.
func ExampleDirectory_Authenticate() {
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "musterek-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	db, err := store.Open(ctx, "sqlite:"+filepath.Join(tmp, "musterek.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	dir := cso.NewDirectory(db.Organizations())

	for _, name := range []string{"Birinci Dernek", "İkinci Dernek"} {
		o := &cso.Organization{Name: cso.Text{"tr": name}, Kind: cso.KindAssociation}
		if _, err := dir.Create(ctx, cso.Admin(), o); err != nil {
			log.Fatal(err)
		}
	}

	token, err := dir.IssueToken(ctx, cso.Admin(), "birinci-dernek", "office")
	if err != nil {
		log.Fatal(err)
	}
	actor, err := dir.Authenticate(ctx, token)
	if err != nil {
		log.Fatal(err)
	}

	_, err = dir.Verify(ctx, actor, "birinci-dernek")
	fmt.Println("own organization:", err)
	_, err = dir.Verify(ctx, actor, "ikinci-dernek")
	fmt.Println("another organization:", err)
	// Output:
	// own organization: <nil>
	// another organization: cso: change "ikinci-dernek" as organization:1: cso: forbidden
}
