package dev.repairscope.ui.view;

import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.SimulationModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Predict, then reveal: when the run reaches a lesson's checkpoint the window pauses and asks
 * its question. The user picks an answer, learns whether it was right and why, then plays on to
 * watch the run prove it (the checkpoint's expectations are checked then, in the journal).
 */
public final class QuestionOverlay extends StackPane {
    private final SimulationModel model;
    private final Label question = new Label();
    private final VBox choices = new VBox(8);
    private final Label verdict = new Label();
    private final Label explanation = new Label();
    private final Button playOn = new Button("\u25B6  Play on to see it happen");

    public QuestionOverlay(SimulationModel model) {
        this.model = model;
        setId("questionOverlay");
        getStyleClass().add("help-overlay");
        Label heading = new Label("Predict");
        heading.getStyleClass().add("help-heading");
        question.getStyleClass().add("question-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        verdict.setId("questionVerdict");
        verdict.getStyleClass().add("question-verdict");
        verdict.setWrapText(true);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.getStyleClass().add("explanation");
        playOn.setId("questionPlayOn");
        playOn.setTooltip(new Tooltip("Close the question and play: the run shows what really happens"));
        playOn.setOnAction(e -> {
            model.dismissQuestion();
            model.play();
        });
        Button close = new Button("Close");
        close.setId("questionClose");
        close.setTooltip(new Tooltip("Close the question and stay paused"));
        close.setOnAction(e -> model.dismissQuestion());
        HBox buttons = new HBox(10, playOn, close);
        VBox card = new VBox(12, heading, question, choices, verdict, explanation, buttons);
        card.getStyleClass().add("help-card");
        card.setMaxSize(720, Region.USE_PREF_SIZE);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        setVisible(false);
        model.questionProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(SimulationModel.Question q) {
        setVisible(q != null);
        if (q == null) {
            return;
        }
        question.setText(q.text());
        verdict.setText("");
        explanation.setText("");
        choices.getChildren().clear();
        for (int i = 0; i < q.choices().size(); i++) {
            String choice = q.choices().get(i);
            Button pick = new Button(choice);
            pick.setId("choice" + i);
            pick.getStyleClass().add("question-choice");
            pick.setMaxWidth(Double.MAX_VALUE);
            pick.setWrapText(true);
            pick.setOnAction(e -> answer(q, choice));
            choices.getChildren().add(pick);
        }
        playOn.setText(q.revealAt() == null ? "\u25B6  Play on to see it happen"
                : "\u25B6  Play on: the run shows it by " + Durations.format(q.revealAt()));
    }

    private void answer(SimulationModel.Question q, String choice) {
        boolean right = choice.equals(q.answer());
        verdict.setText(right ? "Right: " + choice : "Not quite. The answer: " + q.answer());
        verdict.getStyleClass().removeAll("right", "wrong");
        verdict.getStyleClass().add(right ? "right" : "wrong");
        explanation.setText(q.explanation());
        choices.getChildren().forEach(n -> n.setDisable(true));
    }
}
