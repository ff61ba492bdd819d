"""The parts of the harder evaluation set (``bench/harder_documents.py``): invented values,
the page model, the documents of each type, rendering and photo conditions."""
