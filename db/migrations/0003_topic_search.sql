-- Full-text search over topics. The trigram tokenizer matches any 3+ character substring, which
-- works for Chinese (no word segmentation needed); shorter queries fall back to LIKE in the model.
CREATE VIRTUAL TABLE topics_fts USING fts5(
  title, description, location,
  content = 'topics', content_rowid = 'id', tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO topics_fts (rowid, title, description, location) SELECT id, title, description, location FROM topics;
--> statement-breakpoint
CREATE TRIGGER topics_fts_insert AFTER INSERT ON topics BEGIN
  INSERT INTO topics_fts (rowid, title, description, location) VALUES (new.id, new.title, new.description, new.location);
END;
--> statement-breakpoint
CREATE TRIGGER topics_fts_delete AFTER DELETE ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, description, location) VALUES ('delete', old.id, old.title, old.description, old.location);
END;
--> statement-breakpoint
CREATE TRIGGER topics_fts_update AFTER UPDATE OF title, description, location ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, description, location) VALUES ('delete', old.id, old.title, old.description, old.location);
  INSERT INTO topics_fts (rowid, title, description, location) VALUES (new.id, new.title, new.description, new.location);
END;
