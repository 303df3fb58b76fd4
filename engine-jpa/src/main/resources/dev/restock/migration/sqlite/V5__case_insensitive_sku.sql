-- Skus are unique among live products ignoring the case of ASCII letters (Product.skuKey):
-- SQLite's built-in NOCASE collation folds exactly those. Not lower(): the store registers its
-- own Unicode lower() per connection (SqliteFunctions), which an index must not depend on. A
-- database whose live skus already clash this way is refused before this runs, with the
-- clashing skus named (SkuClashCheck).
create unique index ux_product_sku_ci on product (sku collate nocase) where deleted_at is null;
