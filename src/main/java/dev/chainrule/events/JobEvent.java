package dev.chainrule.events;

/** One Server-Sent Event: its type, its id (the position to resume after) and its JSON data. */
record JobEvent(String name, String id, String data) {

    /** The event in the text/event-stream format (the data is one line of JSON). */
    String toSse() {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
    }
}
