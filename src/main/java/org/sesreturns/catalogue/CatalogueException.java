package org.sesreturns.catalogue;

/** A catalogue or history file that cannot be used: names the file, the place in it and the problem. */
public class CatalogueException extends RuntimeException {

  private final String file;
  private final String place;

  public CatalogueException(String file, String place, String problem) {
    super(file + ", at " + place + ": " + problem);
    this.file = file;
    this.place = place;
  }

  public String file() {
    return file;
  }

  public String place() {
    return place;
  }
}
