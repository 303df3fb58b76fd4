-- Skus are unique among live products ignoring the case of ASCII letters (Product.skuKey):
-- SQLite's built-in lower() folds exactly those. A database whose live skus already clash this
-- way is refused before this runs, with the clashing skus named (SkuClashCheck).
create unique index ux_product_sku_ci on product (lower(sku)) where deleted_at is null;
