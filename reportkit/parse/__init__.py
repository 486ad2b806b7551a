"""blocks → model: the parse pipeline, one stage a module (see PIPELINE)."""
