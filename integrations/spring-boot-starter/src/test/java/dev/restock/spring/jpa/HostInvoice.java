package dev.restock.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The JPA host's own entity. */
@Entity
@Table(name = "host_invoice")
public class HostInvoice {
  @Id
  private Integer id;
  private String note;

  protected HostInvoice() {}

  public HostInvoice(Integer id, String note) {
    this.id = id;
    this.note = note;
  }

  public Integer getId() {
    return id;
  }

  public String getNote() {
    return note;
  }
}
