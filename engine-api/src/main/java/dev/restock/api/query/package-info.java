/**
 * Paging, filtering and text search shared by every capability: {@link
 * dev.restock.api.query.PageRequest}, {@link dev.restock.api.query.Page}, {@link
 * dev.restock.api.query.Criteria}, {@link dev.restock.api.query.TextQuery}, {@link
 * dev.restock.api.query.Visibility} and the searchable fields of each type in {@link
 * dev.restock.api.query.SearchFields}.
 */
@NullMarked
package dev.restock.api.query;

import org.jspecify.annotations.NullMarked;
