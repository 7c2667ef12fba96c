package dev.canopy.app.ui.sim;

import atlantafx.base.theme.Styles;
import dev.canopy.diagrams.sim.SimEvent;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The inspector while a simulator tab is in front: the selected node's process (pid, restarts,
 * status, mailbox with the newest message last, links and monitors, its supervisor's intensity,
 * the last exit reason) and its part of the log. It re-reads on every snapshot of the run.
 */
public final class ProcessInspectorView extends VBox {
    private final SimulatorViewModel vm;
    private final Label title = new Label();
    /** The selected node's path (ControlsFX BreadCrumbBar): a click on a crumb selects that ancestor. */
    private final org.controlsfx.control.BreadCrumbBar<String> crumbs = new org.controlsfx.control.BreadCrumbBar<>();
    private final Label hint = new Label("Select a process on the canvas or a line of the log.");
    /** With nothing selected: the design's description, which for a sample is its lesson card (what to do, what to watch). */
    private final Label card = new Label();
    private final GridPane facts = new GridPane();
    private final Label mailboxNote = new Label();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObservableList<String> relations = FXCollections.observableArrayList();
    private final FilteredList<SimEvent> ownLog;
    private final VBox body;
    private final ScrollPane scroll;
    private final ScrollPane cardScroll;
    private String shownPath;

    public ProcessInspectorView(SimulatorViewModel vm) {
        this.vm = vm;
        setId("process-inspector");
        setSpacing(6);
        getStyleClass().add("process-inspector");
        title.setId("process-title");
        title.getStyleClass().addAll(Styles.TITLE_4);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        facts.setHgap(8);
        facts.setVgap(3);
        facts.setId("process-facts");
        mailboxNote.setId("process-mailbox-note");
        mailboxNote.getStyleClass().add(Styles.TEXT_SMALL);
        mailboxNote.setWrapText(true);

        ListView<String> mailbox = plainList(messages, "process-mailbox", 150);
        ListView<String> links = plainList(relations, "process-links", 90);
        ownLog = new FilteredList<>(vm.events(), e -> false);
        ListView<SimEvent> log = new ListView<>(ownLog);
        log.setId("process-log");
        log.getStyleClass().add(Styles.DENSE);
        log.setPrefHeight(160);
        log.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SimEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.atMs() + " ms  " + e.text());
                setWrapText(false);
            }
        });
        // Newest last, and in view: a flooded mailbox or a busy log shows its latest lines.
        messages.addListener((ListChangeListener<String>) c -> {
            if (!messages.isEmpty()) mailbox.scrollTo(messages.size() - 1);
        });
        dev.canopy.app.ui.log.FollowTail.install(log);
        body = new VBox(6, facts, section("Mailbox"), mailboxNote, mailbox, section("Links and monitors"), links,
                section("Its log"), log);
        VBox.setVgrow(log, Priority.ALWAYS);
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        crumbs.setId("process-path");
        crumbs.setAutoNavigationEnabled(false);
        crumbs.setCrumbFactory(item -> {
            String p = item.getValue();
            var b = new org.controlsfx.control.BreadCrumbBar.BreadCrumbButton(p == null ? "" : p.substring(p.lastIndexOf('/') + 1));
            b.setMnemonicParsing(false);
            return b;
        });
        crumbs.setOnCrumbAction(e -> vm.selectedPathProperty().set(e.getSelectedCrumb().getValue()));
        card.setId("process-lesson-card");
        card.setWrapText(true);
        card.setText(vm.design().description());
        card.getStyleClass().add(Styles.TEXT_SMALL);
        card.setMinHeight(Region.USE_PREF_SIZE);
        cardScroll = new ScrollPane(card);
        cardScroll.setId("process-lesson-card-pane");
        cardScroll.setFitToWidth(true);
        cardScroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(cardScroll, Priority.ALWAYS);
        getChildren().addAll(crumbs, title, hint, cardScroll, scroll);

        vm.selectedPathProperty().addListener((o, a, b) -> refresh());
        vm.statesProperty().addListener((o, a, b) -> refresh());
        vm.detailsProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "inspector-section");
        return l;
    }

    private static ListView<String> plainList(ObservableList<String> items, String id, double height) {
        ListView<String> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().add(Styles.DENSE);
        list.setPrefHeight(height);
        list.setPlaceholder(new Label("none"));
        return list;
    }

    private void refresh() {
        String path = vm.selectedPathProperty().get();
        body.setVisible(path != null);
        hint.setVisible(path == null);
        hint.setManaged(path == null);
        boolean showCard = path == null && !vm.design().description().isBlank();
        cardScroll.setVisible(showCard);
        cardScroll.setManaged(showCard);
        scroll.setVisible(path != null); // the card gets the room while no process is shown
        scroll.setManaged(path != null);
        if (path == null) {
            title.setText("Simulating " + vm.design().name());
            crumbs.setSelectedCrumb(null);
            ownLog.setPredicate(e -> false);
            shownPath = null;
            return;
        }
        if (crumbs.getSelectedCrumb() == null || !path.equals(crumbs.getSelectedCrumb().getValue())) {
            String[] parts = path.split("/");
            String[] prefixes = new String[parts.length];
            for (int i = 0; i < parts.length; i++) prefixes[i] = (i == 0 ? "" : prefixes[i - 1] + "/") + parts[i];
            crumbs.setSelectedCrumb(org.controlsfx.control.BreadCrumbBar.buildTreeModel(prefixes));
        }
        ProcessSummary s = ProcessSummary.of(path, vm.statesProperty().get(), vm.detailsProperty().get());
        title.setText(s.title());
        facts.getChildren().clear();
        int row = 0;
        row = fact(row, "Pid", s.pid(), "process-pid");
        row = fact(row, "Status", s.status(), "process-status");
        row = fact(row, "Restarts", s.restarts(), "process-restarts");
        row = fact(row, "Last exit", s.lastExit(), "process-last-exit");
        row = fact(row, "Supervisor", s.supervisorIntensity(), "process-sup-intensity");
        if (!s.ownIntensity().isEmpty()) row = fact(row, "Own intensity", s.ownIntensity(), "process-own-intensity");
        var nodeState = vm.statesProperty().get().get(path); // the worker's own status: next connect attempt, queue, alarm
        if (nodeState != null && !nodeState.note().isEmpty()) row = fact(row, "Worker status", nodeState.note(), "process-note");
        if (!s.trapsExits().isEmpty()) fact(row, "Traps exits", s.trapsExits(), "process-traps");
        mailboxNote.setText(s.mailboxNote());
        if (!messages.equals(s.messages())) messages.setAll(s.messages());
        if (!relations.equals(allRelations(s))) relations.setAll(allRelations(s));
        if (!path.equals(shownPath)) {
            shownPath = path;
            ownLog.setPredicate(e -> path.equals(e.path()));
        }
    }

    private static java.util.List<String> allRelations(ProcessSummary s) {
        var all = new java.util.ArrayList<String>();
        for (String l : s.links()) all.add("linked to " + l);
        all.addAll(s.monitors());
        return all;
    }

    private int fact(int row, String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        k.setMinWidth(Region.USE_PREF_SIZE); // the name whole; the value wraps instead
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        facts.addRow(row, k, v);
        return row + 1;
    }
}
