package cso_test

import (
	"fmt"

	"github.com/musterekproje/musterek/cso"
)

func ExampleFold() {
	fmt.Println(cso.Fold("ÇOCUK"))
	fmt.Println(cso.Fold("Sığınmacı"))
	fmt.Println(cso.Fold("ISTANBUL") == cso.Fold("İstanbul"))
	fmt.Println(cso.Fold("سُوريَّة"))
	fmt.Println(cso.Fold("Mülteci-Der, ٣٤"))
	// Output:
	// cocuk
	// siginmaci
	// true
	// سوريه
	// multeci der 34
}

func ExampleSlugify() {
	fmt.Println(cso.Slugify("Sığınmacılar ve Göçmenlerle Dayanışma Derneği"))
	fmt.Printf("%q\n", cso.Slugify("جمعية اللاجئين"))
	// Output:
	// siginmacilar-ve-gocmenlerle-dayanisma-dernegi
	// ""
}
