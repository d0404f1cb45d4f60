"""Analysis of a whole document below the rules: who the copy is for (reader inference) and, later, the other
document-level readings the rules share. Nothing here imports the rules, the engine or anything above them."""
