package postgres_test

import (
	"context"
	"fmt"
	"log"

	"marsad/store/postgres"
)

// Marsad's tables go in a schema of their own, named in the URL; the user
// needs the right to create tables there the first time.
func ExampleOpen() {
	ctx := context.Background()
	db, err := postgres.Open(ctx, "postgres://marsad@db.example.org/news?search_path=marsad&pool_max_conns=8")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	stories, err := db.Stories(ctx, 10)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range stories {
		fmt.Println(s.ID, s.Title, len(s.Articles))
	}
}
