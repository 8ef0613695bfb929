package bytesize_test

import (
	"fmt"
	"log"

	"github.com/narrate-dev/narrate/internal/bytesize"
)

func ExampleParse() {
	for _, s := range []string{"5GB", "512MiB"} {
		n, err := bytesize.Parse(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s, n)
	}
	// Output:
	// 5GB 5000000000
	// 512MiB 536870912
}
