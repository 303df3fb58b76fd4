-- Skus are unique among live products ignoring the case of ASCII letters (Product.skuKey).
-- translate(), not lower(): lower() would also fold other letters by the database's locale,
-- which SQLite and the in-memory store do not. A database whose live skus already clash is
-- refused before this runs, with the clashing skus named (SkuClashCheck).
create unique index ux_product_sku_ci on product
    (translate(sku, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))
    where deleted_at is null;
