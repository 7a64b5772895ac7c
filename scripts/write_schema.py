"""Write docs/pathway.schema.json from the model (``make schema``)."""

from pathlib import Path

from parcours_designer.atomic import atomic_write
from parcours_designer.model.schema import schema_text

TARGET = Path(__file__).resolve().parent.parent / "docs" / "pathway.schema.json"

if __name__ == "__main__":
    atomic_write(TARGET, schema_text().encode("utf-8"), keep_backup=False)
    print(f"écrit : {TARGET}")
