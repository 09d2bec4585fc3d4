package com.fmugateway.adapter.in.portal.credit;

import com.fmugateway.domain.checkout.model.CreditPack;

/**
 * A credit pack on sale: its id, the runs and credits it holds, and its price as people read it.
 */
public record PackView(String id, long runs, long credits, String price) {

  public static PackView of(CreditPack pack) {
    return new PackView(pack.id(), pack.runs(), pack.credits(), pack.price().display());
  }
}
