"""Assessment (考核): staff metrics over the cases' history, and their CSV / XLSX exports."""
