package org.sesreturns.catalogue;

/** A catalogue or history file that cannot be used: names the file, the place in it and the problem. */
public class CatalogueException extends RuntimeException {

  private final String file;
  private final String place;
  private final String problem;

  public CatalogueException(String file, String place, String problem) {
    super(file + ", at " + place + ": " + problem);
    this.file = file;
    this.place = place;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public String place() {
    return place;
  }

  public String problem() {
    return problem;
  }
}
