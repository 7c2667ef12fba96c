package dev.canopy.app.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A log follows its newest line unless the person scrolled up to read. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FollowTailTest {
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private ListView<String> list;

    @Start
    void start(Stage stage) {
        for (int i = 0; i < 100; i++) lines.add("line " + i);
        list = new ListView<>(lines);
        list.setId("log");
        FollowTail.install(list);
        stage.setScene(new Scene(list, 300, 200));
        stage.show();
    }

    private int lastVisible() throws Exception {
        int[] i = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            list.layout();
            i[0] = ((VirtualFlow<?>) list.lookup(".virtual-flow")).getLastVisibleCell().getIndex();
        }).get();
        return i[0];
    }

    private void add(String line) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> lines.add(line)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void new_lines_scroll_into_view_until_the_person_scrolls_up_and_again_once_back_at_the_bottom(FxRobot robot) throws Exception {
        add("line 100");
        assertThat(lastVisible()).isEqualTo(100);

        robot.clickOn(list).type(KeyCode.HOME); // the person goes up to read
        WaitForAsyncUtils.waitForFxEvents();
        int reading = lastVisible();
        assertThat(reading).isLessThan(100);
        add("line 101");
        assertThat(lastVisible()).as("stays where the person is reading").isEqualTo(reading);

        robot.type(KeyCode.END); // and back down
        WaitForAsyncUtils.waitForFxEvents();
        add("line 102");
        assertThat(lastVisible()).isEqualTo(102);
    }
}
