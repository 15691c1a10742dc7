"""本人同意: the consent history of a case, with scope (which agencies may see which parts)."""
