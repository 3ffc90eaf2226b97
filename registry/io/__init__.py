"""Files in and out: CSV and Wikidata import, CSV and graph export, the seed and the demo registry."""
