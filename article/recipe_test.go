package article

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRecipeRead: on each fixture recipe page (written for these tests:
// a blog's Tasty card beside the post's body, a German portal's
// ingredient table and Zubereitung in boxes of their own, a French card
// of ingredient spans, a Spanish recipe only in JSON-LD), the extractor
// reads the intro and leaves the ingredients or the steps out; each
// ingredient is read once as its own block, after the intro and before
// the steps, and none of the card's debris is.
func TestRecipeRead(t *testing.T) {
	cases := []struct {
		file        string
		intro       string
		ingredients []string
		steps       []string
		never       []string
	}{
		{
			file:  "tasty-blog.html",
			intro: "These cookies started as a mistake.",
			ingredients: []string{"1/2 cup unsalted butter", "3/4 cup packed dark brown sugar", "1 large egg",
				"1 1/2 cups old-fashioned rolled oats", "1/2 cup chopped toasted pecans"},
			steps: []string{"Melt the butter in a light-coloured pan", "Whisk the brown sugar into the warm butter",
				"Heat the oven to 350°F."},
			never: []string{"Jump to Recipe", "Print Recipe", "Pin Recipe", "Calories", "from 57 reviews", "Scale", "2x", "lunchboxes"},
		},
		{
			file:  "de-portal.html",
			intro: "Eine deftige Linsensuppe, wie es sie samstags bei meiner Oma gab.",
			ingredients: []string{"250 g Tellerlinsen", "1 Bund Suppengrün", "2 Zwiebel(n)", "400 g Kartoffeln, festkochend",
				"1,5 Liter Gemüsebrühe", "Salz und Pfeffer", "n. B. Zucker"},
			steps: []string{"Die Linsen in einem Sieb kalt abspülen.", "In einem großen Topf etwas Öl erhitzen",
				"Die Würstchen in Scheiben schneiden"},
			never: []string{"Portionen", "Nährwerte", "Eiweiß", "Einkaufsliste", "Anzeige", "Mettenden", "Bewertungen"},
		},
		{
			file:  "fr-recette.html",
			intro: "Le clafoutis est le dessert du Limousin",
			ingredients: []string{"500 g de cerises", "3 oeufs", "80 g de sucre", "1 pincée de sel", "30 cl de lait entier",
				"1 sachet de sucre vanillé"},
			steps: []string{"Préchauffez le four à 180 °C.", "Versez la pâte sur les cerises"},
			never: []string{"Partager", "Imprimer", "personnes"},
		},
		{
			file:        "es-jsonld.html",
			intro:       "En casa la tortilla de patatas se discute más que el fútbol",
			ingredients: []string{"600 g de patatas", "1 cebolla mediana", "6 huevos camperos", "Sal al gusto"},
			steps: []string{"Pela las patatas y córtalas en láminas finas.", "Bate los huevos con una pizca de sal",
				"Cuaja la tortilla en una sartén"},
			never: []string{"Cargando", "4.9"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "recipes", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, c.file, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, b := range doc.Blocks {
				texts = append(texts, b.Text)
			}
			all := strings.Join(texts, "\n")
			find := func(prefix string) int {
				at := -1
				for i, s := range texts {
					if strings.HasPrefix(s, prefix) {
						if at >= 0 {
							t.Errorf("%q read twice (blocks %d and %d)", prefix, at, i)
						}
						at = i
					}
				}
				if at < 0 {
					t.Errorf("%q not read:\n%s", prefix, all)
				}
				return at
			}
			intro := find(c.intro)
			last := intro
			for _, ing := range c.ingredients {
				if !slices.Contains(texts, ing) {
					t.Errorf("ingredient %q not read as its own block:\n%s", ing, all)
				}
				if i := find(ing); i >= 0 && i <= intro {
					t.Errorf("ingredient %q read before the intro", ing)
				} else if i > last {
					last = i
				}
			}
			for _, s := range c.steps {
				if i := find(s); i >= 0 && i <= last {
					t.Errorf("step %q read before the ingredients", s)
				}
			}
			for _, bad := range c.never {
				if strings.Contains(all, bad) {
					t.Errorf("%q read:\n%s", bad, all)
				}
			}
		})
	}
}

// TestRecipeWithoutItsType: the German portal's page without its Recipe
// JSON-LD (as a page is saved without its scripts, or a site that writes
// no structured data) is still a recipe by its boxes: a list of measured
// ingredients under "Zutaten" and the steps under "Zubereitung". Its
// ingredients are read, once each, between the intro and the steps.
func TestRecipeWithoutItsType(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "recipes", "de-portal.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	i, j := strings.Index(page, `<script type="application/ld+json">`), strings.Index(page, "</script>")
	page = page[:i] + page[j+len("</script>"):]
	doc, err := Parse([]byte(page), "de.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"250 g Tellerlinsen", "1,5 Liter Gemüsebrühe", "n. B. Zucker"} {
		if strings.Count(text, want) != 1 {
			t.Errorf("ingredient %q not read once:\n%s", want, text)
		}
	}
	if a, b, c := strings.Index(text, "Eine deftige Linsensuppe"), strings.Index(text, "250 g Tellerlinsen"), strings.Index(text, "Die Linsen in einem Sieb"); a < 0 || b < a || c < b {
		t.Errorf("intro, ingredients and steps not in that order:\n%s", text)
	}
	for _, bad := range []string{"Nährwerte", "Einkaufsliste", "Mettenden"} {
		if strings.Contains(text, bad) {
			t.Errorf("%q read:\n%s", bad, text)
		}
	}
}

// TestRecipeNeedsItsShape: without a Recipe type, boxes headed
// "Ingredients" and "Directions" that are not a recipe's (a cream's
// substances on one line and its directions for use, beside a post on
// skin care; a how-to's unmeasured list of things to have) are not
// read into the text.
func TestRecipeNeedsItsShape(t *testing.T) {
	intro := `<p>Winter air dries the skin out faster than most people expect, and the fix is rarely the most expensive jar on the shelf. A plain cream, used every evening, does more than a serum used now and then.</p>
<p>What matters is the order: wash with lukewarm water, pat dry, and put the cream on while the skin is still a little damp, so that it holds the water in.</p>
<p>Dermatologists we asked agree that fragrance is the one thing to avoid when the skin is already red and tight.</p>`
	pages := map[string]string{
		"cream": `<html lang="en"><head><title>Caring for dry skin in winter</title></head><body>
<article><h1>Caring for dry skin in winter</h1>` + intro + `</article>
<aside class="product-box"><h3>Ingredients</h3><ul><li>Aqua, Glycerin, Cetearyl Alcohol, Shea Butter, Panthenol, Tocopherol</li></ul>
<h3>Directions</h3><p>Apply to clean skin morning and evening.</p></aside></body></html>`,
		"kit": `<html lang="en"><head><title>Caring for dry skin in winter</title></head><body>
<article><h1>Caring for dry skin in winter</h1>` + intro + `</article>
<aside class="kit"><h3>Ingredients of a routine</h3><ul><li>A gentle cleanser</li><li>A plain cream</li><li>Patience</li><li>A humidifier</li></ul>
<h3>Steps</h3><p>Wash, pat dry, apply the cream while damp.</p></aside></body></html>`,
	}
	for name, page := range pages {
		doc, err := Parse([]byte(page), name+".html", LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		text := blocksText(doc, nil)
		for _, bad := range []string{"Aqua, Glycerin", "Apply to clean skin", "A gentle cleanser", "Wash, pat dry"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q read on a page that is no recipe:\n%s", name, bad, text)
			}
		}
	}
}

// TestRecipeUnmeasuredList: a baking site's recipe without structured
// data, whose boxes are named for the recipe's parts and whose
// ingredient list is mostly measured lines, has its ingredients read.
func TestRecipeUnmeasuredList(t *testing.T) {
	page := `<html lang="en"><head><title>Plain rye crackers</title></head><body>
<main><h1>Plain rye crackers</h1>
<div class="intro"><p>These crackers keep for a month in a tin and use up the last of a bag of rye flour. They are thin, salty and very easy to like, and children can roll them out.</p>
<p>You can flavour them with seeds, but the plain ones go with everything from cheese to soup.</p></div>
<section class="recipe"><aside class="recipe__ingredients"><h2>Ingredients</h2><ul>
<li>1 1/2 cups (180g) <a href="/shop/rye">Whole rye flour</a></li><li>1/2 teaspoon salt</li><li>3 tablespoons olive oil</li><li>1/2 cup (113g) cold water</li><li>flaky salt, to finish</li></ul></aside>
<div class="recipe__instructions"><h2>Instructions</h2><ol><li><p>Mix the flour and salt, add the oil and the water, and knead briefly into a firm dough.</p></li>
<li><p>Roll it out as thin as you can on a floured sheet, prick it all over and cut it into squares.</p></li><li><p>Bake at 400°F until the edges brown, about 15 minutes.</p></li></ol></div></section>
</main></body></html>`
	doc, err := Parse([]byte(page), "rye.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"1/2 teaspoon salt", "3 tablespoons olive oil", "flaky salt, to finish", "Roll it out as thin as you can"} {
		if strings.Count(text, want) != 1 {
			t.Errorf("%q not read once:\n%s", want, text)
		}
	}
}

// TestRecipeMicrodata: a card marked with microdata only (itemtype
// Recipe, itemprop recipeIngredient on each line, recipeInstructions on
// the method) beside the post is read, one ingredient per line.
func TestRecipeMicrodata(t *testing.T) {
	page := `<html lang="en"><head><title>Quick pickled onions</title></head><body>
<article><h1>Quick pickled onions</h1><div class="post-body">
<p>Pink pickled onions go on tacos, salads and toast, and a jar keeps for two weeks in the fridge. They take ten minutes of work and an hour of waiting.</p>
<p>Slice the onions as thin as you can: a mandoline helps, a sharp knife is fine. The thinner they are, the sooner they are ready to eat.</p></div></article>
<div class="card" itemscope itemtype="https://schema.org/Recipe"><h2 itemprop="name">Quick pickled onions</h2>
<div class="stars">4.9 (120 votes)</div>
<ul class="list"><li><h4>For the jar</h4></li><li itemprop="recipeIngredient">2 red onions</li><li itemprop="recipeIngredient">1 cup cider vinegar</li>
<li itemprop="recipeIngredient">1 tablespoon sugar</li><li itemprop="recipeIngredient">2 teaspoons salt</li></ul>
<div itemprop="recipeInstructions"><p>Pack the sliced onions into a clean jar.</p><p>Warm the vinegar with the sugar and salt until they dissolve, pour it over the onions and leave them for an hour.</p></div>
</div>
<div class="comments"><p>Lovely on everything, thank you!</p></div></body></html>`
	doc, err := Parse([]byte(page), "onions.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	want := "2 red onions\n1 cup cider vinegar\n1 tablespoon sugar\n2 teaspoons salt"
	if !strings.Contains(text, want) {
		t.Errorf("ingredients not read one per line:\n%s", text)
	}
	if !strings.Contains(text, "Warm the vinegar with the sugar") {
		t.Errorf("method not read:\n%s", text)
	}
	if strings.Count(text, "Pink pickled onions go on tacos") != 1 {
		t.Errorf("intro not read once:\n%s", text)
	}
}

// TestParseJSONLDRecipe: the shapes pages give their recipe in.
func TestParseJSONLDRecipe(t *testing.T) {
	cases := []struct {
		name, src   string
		ingredients []string
		sections    []ldSection
	}{
		{"one text, lines", `{"@type":"Recipe","recipeIngredient":["200 g Mehl","2 Eier"],"recipeInstructions":"Mehl sieben.\nEier unterrühren."}`,
			[]string{"200 g Mehl", "2 Eier"}, []ldSection{{steps: []string{"Mehl sieben.", "Eier unterrühren."}}}},
		{"graph, HowToStep, HTML", `{"@graph":[{"@type":"WebPage"},{"@type":["Recipe"],"ingredients":"1 cup &amp; a half of milk","recipeInstructions":[{"@type":"HowToStep","text":"<p>Warm the milk.</p><p>Add <b>honey</b>.</p>"},{"@type":"HowToStep","name":"Serve."}]}]}`,
			[]string{"1 cup & a half of milk"}, []ldSection{{steps: []string{"Warm the milk.", "Add honey.", "Serve."}}}},
		{"sections", `[{"@type":"http://schema.org/Recipe","recipeIngredient":["x y"],"recipeInstructions":[{"@type":"HowToSection","name":"Dough","itemListElement":[{"@type":"HowToStep","text":"Knead."}]},{"@type":"HowToSection","name":"Sauce","itemListElement":[{"@type":"HowToStep","text":"Stir."},{"@type":"HowToStep","text":"Taste."}]}]}]`,
			[]string{"x y"}, []ldSection{{name: "Dough", steps: []string{"Knead."}}, {name: "Sauce", steps: []string{"Stir.", "Taste."}}}},
		{"item list", `<!-- {"@type":"Recipe","recipeInstructions":{"@type":"ItemList","itemListElement":[{"@type":"ListItem","text":"Un."},{"@type":"ListItem","text":"Deux."}]}} -->`,
			nil, []ldSection{{steps: []string{"Un.", "Deux."}}}},
		{"not a recipe", `{"@type":"Article","recipeIngredient":["1 egg"]}`, nil, nil},
		{"broken", `{"@type":"Recipe",`, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := parseJSONLDRecipe(c.src)
			if !slices.Equal(r.ingredients, c.ingredients) {
				t.Errorf("ingredients %q, want %q", r.ingredients, c.ingredients)
			}
			if len(r.sections) != len(c.sections) {
				t.Fatalf("sections %+v, want %+v", r.sections, c.sections)
			}
			for i := range c.sections {
				if r.sections[i].name != c.sections[i].name || !slices.Equal(r.sections[i].steps, c.sections[i].steps) {
					t.Errorf("section %d %+v, want %+v", i, r.sections[i], c.sections[i])
				}
			}
		})
	}
}

// FuzzParseJSONLDRecipe: any script text gives a recipe or nothing, never
// a panic, and every line it gives has a letter or a digit and no line
// break.
func FuzzParseJSONLDRecipe(f *testing.F) {
	f.Add(`{"@type":"Recipe","recipeIngredient":["200 g Mehl"],"recipeInstructions":"a\nb"}`)
	f.Add(`{"@graph":[{"@type":"Recipe","recipeInstructions":[{"@type":"HowToSection","name":"<b>S</b>","itemListElement":[{"@type":"HowToStep","text":"<p>x</p>"}]}]}]}`)
	f.Add(`[[[[[[[[[[[[[[[[{"@type":"Recipe","ingredients":["x"]}]]]]]]]]]]]]]]]]`)
	f.Fuzz(func(t *testing.T, src string) {
		r := parseJSONLDRecipe(src)
		lines := append(slices.Clone(r.ingredients), r.stepTexts()...)
		for _, l := range lines {
			if !hasWordChar(l) || strings.Contains(l, "\n") {
				t.Fatalf("bad line %q from %q", l, src)
			}
		}
		for _, s := range r.sections {
			if len(s.steps) == 0 {
				t.Fatalf("empty section %+v from %q", s, src)
			}
		}
	})
}
