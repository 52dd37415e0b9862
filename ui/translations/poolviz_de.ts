<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Linked: %1 change together. Click to set them apart.</source>
        <translation>Gekoppelt: %1 ändern sich gemeinsam. Klicken, um sie zu trennen.</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>%1 koppeln</translation>
    </message>
    <message>
        <source>Separate: %1 change on their own. Click to link them.</source>
        <translation>Getrennt: %1 ändern sich einzeln. Klicken, um sie zu koppeln.</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Matrix from the command line</source>
        <translation>Matrix von der Kommandozeile</translation>
    </message>
    <message>
        <source>Frameworks</source>
        <translation>Frameworks</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>What PyTorch, TensorFlow, ONNX and NumPy make of these parameters</source>
        <translation>Was PyTorch, TensorFlow, ONNX und NumPy aus diesen Parametern machen</translation>
    </message>
    <message>
        <source>A script that reproduces this pooling in a framework</source>
        <translation>Ein Skript, das dieses Pooling in einem Framework nachrechnet</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Predict mode: guess each result before the stage shows it</source>
        <translation>Vorhersagemodus: jedes Ergebnis raten, bevor die Bühne es zeigt</translation>
    </message>
    <message>
        <source>Stride Explorer</source>
        <translation>Schrittweiten-Explorer</translation>
    </message>
    <message>
        <source>The input pooled at every stride (or kernel size) side by side, with the cells each setting reads</source>
        <translation>Die Eingabe bei jeder Schrittweite (oder Kernelgröße) gepoolt, nebeneinander, mit den Zellen, die jede Einstellung liest</translation>
    </message>
    <message>
        <source>Command-line parameters</source>
        <translation>Parameter aus der Befehlszeile</translation>
    </message>
    <message>
        <source>Pre&amp;dict Mode</source>
        <translation>Vorher&amp;sagemodus</translation>
    </message>
    <message>
        <source>Hide each result until the class has guessed it (F6); in presenter mode the answers go under the stage</source>
        <translation>Jedes Ergebnis verbergen, bis die Klasse es geraten hat (F6); im Präsentationsmodus stehen die Antworten unter der Bühne</translation>
    </message>
</context>
<context>
    <name>poolviz::AnimationExport</name>
    <message>
        <source>cannot export &quot;%1&quot;: the animation has no steps</source>
        <translation>„%1“ lässt sich nicht exportieren: die Animation hat keine Schritte</translation>
    </message>
    <message>
        <source>cannot export frames to &quot;%1&quot;: it is a file, not a folder (name the file .gif for an animated GIF)</source>
        <translation>Einzelbilder lassen sich nicht nach „%1“ exportieren: das ist eine Datei, kein Ordner (für ein animiertes GIF die Datei .gif nennen)</translation>
    </message>
    <message>
        <source>cannot create the folder &quot;%1&quot;</source>
        <translation>der Ordner „%1“ lässt sich nicht anlegen</translation>
    </message>
</context>
<context>
    <name>poolviz::AnimationExportDialog</name>
    <message>
        <source>1 frame</source>
        <translation>1 Einzelbild</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Einzelbilder</translation>
    </message>
    <message>
        <source>Export Animation as GIF</source>
        <translation>Animation als GIF exportieren</translation>
    </message>
    <message>
        <source>Export Animation as PNG Frames</source>
        <translation>Animation als PNG-Einzelbilder exportieren</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>&amp;Phase:</source>
        <translation>&amp;Durchlauf:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>&amp;Schritte:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Frame si&amp;ze:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Frame &amp;time:</source>
        <translation>Bild&amp;dauer:</translation>
    </message>
    <message>
        <source>Writes:</source>
        <translation>Schreibt:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Cannot build the animation: %1</source>
        <translation>Die Animation kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>nothing: the animation has no steps</source>
        <translation>nichts: die Animation hat keine Schritte</translation>
    </message>
    <message>
        <source>%1 of %2 × %3 px, about %4</source>
        <translation>%1 zu %2 × %3 px, etwa %4</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Stopped the export to %1.</source>
        <translation>Export nach %1 angehalten.</translation>
    </message>
    <message>
        <source>Could not export the animation to “%1”: %2</source>
        <translation>Die Animation konnte nicht nach „%1“ exportiert werden: %2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Unpool</source>
        <translation>Entpoolen</translation>
    </message>
</context>
<context>
    <name>poolviz::Caption</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>Step %1 of %2 (channel %3): %4</source>
        <translation>Schritt %1 von %2 (Kanal %3): %4</translation>
    </message>
    <message>
        <source>Step %1 of %2 (sample %3, channel %4): %5</source>
        <translation>Schritt %1 von %2 (Probe %3, Kanal %4): %5</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>rows %1 to %2</source>
        <translation>Zeilen %1 bis %2</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>columns %1–%2</source>
        <translation>Spalten %1–%2</translation>
    </message>
    <message>
        <source>columns %1 to %2</source>
        <translation>Spalten %1 bis %2</translation>
    </message>
    <message>
        <source>row %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 Werte</translation>
    </message>
    <message>
        <source>%1 over %2 values</source>
        <translation>%1 über %2 Werte</translation>
    </message>
    <message>
        <source>input %1, %2: %3 → output %4%5</source>
        <translation>Eingabe %1, %2: %3 → Ausgabe %4%5</translation>
    </message>
    <message>
        <source>input %1, %2: the window holds no input cell (only padding), so the output is %3 → output %4</source>
        <translation>Eingabe %1, %2: das Fenster enthält keine Eingabezelle (nur Padding), also ist die Ausgabe %3 → Ausgabe %4</translation>
    </message>
    <message>
        <source>input %1, %2: %3: a NaN in the window propagates; the index is the last NaN scanned, at input %4 → output %5</source>
        <translation>Eingabe %1, %2: %3: ein NaN im Fenster setzt sich durch; der Index ist das zuletzt gelesene NaN, bei Eingabe %4 → Ausgabe %5</translation>
    </message>
    <message>
        <source>%1, found at input %2</source>
        <translation>%1, gefunden bei Eingabe %2</translation>
    </message>
    <message>
        <source>%1, found at input %2 (tie with %3: the first in row-major order wins)</source>
        <translation>%1, gefunden bei Eingabe %2 (Gleichstand mit %3: das erste in zeilenweiser Reihenfolge gewinnt)</translation>
    </message>
    <message>
        <source>; padding counts as −∞ and never wins</source>
        <translation>; Padding zählt als −∞ und gewinnt nie</translation>
    </message>
    <message>
        <source>; padding counts as +∞ and never wins</source>
        <translation>; Padding zählt als +∞ und gewinnt nie</translation>
    </message>
    <message>
        <source> (divisor override %1)</source>
        <translation> (Divisor fest auf %1)</translation>
    </message>
    <message>
        <source> (the divisor counts %1 padding cell)</source>
        <translation> (der Divisor zählt %1 Padding-Zelle mit)</translation>
    </message>
    <message>
        <source> (the divisor counts %1 padding cells)</source>
        <translation> (der Divisor zählt %1 Padding-Zellen mit)</translation>
    </message>
    <message>
        <source> (padding is not counted)</source>
        <translation> (Padding zählt nicht mit)</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 reaches no input cell (the window holds only padding)</source>
        <translation>Gradient %1 von Ausgabe %2 erreicht keine Eingabezelle (das Fenster enthält nur Padding)</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 goes to its max at input %3; the input gradient there is now %4</source>
        <translation>Gradient %1 von Ausgabe %2 geht an sein Maximum bei Eingabe %3; der Eingabegradient dort ist jetzt %4</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 goes to its min at input %3; the input gradient there is now %4</source>
        <translation>Gradient %1 von Ausgabe %2 geht an sein Minimum bei Eingabe %3; der Eingabegradient dort ist jetzt %4</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 is spread as %3 over %4 input cells%5</source>
        <translation>Gradient %1 von Ausgabe %2 wird als %3 auf %4 Eingabezellen verteilt%5</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 is spread as %3 over %4 input cell%5</source>
        <translation>Gradient %1 von Ausgabe %2 wird als %3 auf %4 Eingabezelle verteilt%5</translation>
    </message>
    <message>
        <source>gradient %1 of output %2 is shared by the derivative %3 over %4 cells%5</source>
        <translation>Gradient %1 von Ausgabe %2 wird nach der Ableitung %3 auf %4 Zellen aufgeteilt%5</translation>
    </message>
    <message>
        <source>; %1 of them already held gradient from earlier windows and add up</source>
        <translation>; %1 davon hatten schon Gradient aus früheren Fenstern und summieren sich</translation>
    </message>
    <message>
        <source>value %1 of output %2 (the window holds no input cell): nothing is placed</source>
        <translation>Wert %1 von Ausgabe %2 (das Fenster enthält keine Eingabezelle): nichts wird platziert</translation>
    </message>
    <message>
        <source>value %1 of output %2 has no max position (the window holds no input cell): nothing is placed</source>
        <translation>Wert %1 von Ausgabe %2 hat keine Max-Position (das Fenster enthält keine Eingabezelle): nichts wird platziert</translation>
    </message>
    <message>
        <source>value %1 of output %2 has no min position (the window holds no input cell): nothing is placed</source>
        <translation>Wert %1 von Ausgabe %2 hat keine Min-Position (das Fenster enthält keine Eingabezelle): nichts wird platziert</translation>
    </message>
    <message>
        <source>value %1 of output %2 goes back to where its max was, input %3; the other cells of the window stay 0</source>
        <translation>Wert %1 von Ausgabe %2 geht dorthin zurück, wo sein Maximum war, Eingabe %3; die anderen Zellen des Fensters bleiben 0</translation>
    </message>
    <message>
        <source>value %1 of output %2 goes back to where its min was, input %3; the other cells of the window stay 0</source>
        <translation>Wert %1 von Ausgabe %2 geht dorthin zurück, wo sein Minimum war, Eingabe %3; die anderen Zellen des Fensters bleiben 0</translation>
    </message>
    <message>
        <source>value %1 of output %2 is copied to the %3 input cells of its window%4</source>
        <translation>Wert %1 von Ausgabe %2 wird in die %3 Eingabezellen seines Fensters kopiert%4</translation>
    </message>
    <message>
        <source>value %1 of output %2 is copied to the %3 input cell of its window%4</source>
        <translation>Wert %1 von Ausgabe %2 wird in die %3 Eingabezelle seines Fensters kopiert%4</translation>
    </message>
    <message>
        <source>; %1 of them already held values from earlier windows and now hold the mean of what they received</source>
        <translation>; %1 davon hatten schon Werte aus früheren Fenstern und enthalten jetzt den Mittelwert des Erhaltenen</translation>
    </message>
    <message>
        <source>; last window would start at %1 ≥ %2 + %3, so out = %4</source>
        <translation>; das letzte Fenster würde bei %1 ≥ %2 + %3 beginnen, also out = %4</translation>
    </message>
    <message>
        <source>%1; padding %2 = %3: %4 before, %5 after</source>
        <translation>%1; Padding %2 = %3: %4 davor, %5 danach</translation>
    </message>
    <message>
        <source>adaptive: %1 bins over %2, bin i = %3</source>
        <translation>adaptiv: %1 Bins über %2, Bin i = %3</translation>
    </message>
</context>
<context>
    <name>poolviz::CodePanel</name>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>TensorFlow / Keras</source>
        <translation>TensorFlow / Keras</translation>
    </message>
    <message>
        <source>NumPy</source>
        <translation>NumPy</translation>
    </message>
    <message>
        <source>ONNX (onnxruntime)</source>
        <translation>ONNX (onnxruntime)</translation>
    </message>
    <message>
        <source>The framework the script uses; its layer gets PoolViz&apos;s settings under that API&apos;s argument names</source>
        <translation>Das Framework, das das Skript verwendet; seine Schicht erhält die Einstellungen von PoolViz unter den Argumentnamen dieser API</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the script to the clipboard</source>
        <translation>Das Skript in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport .py…</source>
        <translation>.py e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the script as a Python file</source>
        <translation>Das Skript als Python-Datei speichern</translation>
    </message>
    <message>
        <source>Generated script</source>
        <translation>Erzeugtes Skript</translation>
    </message>
    <message>
        <source>No script: %1</source>
        <translation>Kein Skript: %1</translation>
    </message>
    <message>
        <source>Copied %1 lines to the clipboard.</source>
        <translation>%1 Zeilen in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>there is no script to export</source>
        <translation>es gibt kein Skript zum Exportieren</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Script</source>
        <translation>Skript exportieren</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python-Skripte (*.py)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>No script: the input has %1 values, too many to write out as a literal (at most %2). Export it as .npy and load it with np.load, or use poolviz-cli code on the file.</source>
        <translation>Kein Skript: die Eingabe hat %1 Werte, zu viele, um sie als Literal auszuschreiben (höchstens %2). Als .npy exportieren und mit np.load laden, oder poolviz-cli code auf die Datei anwenden.</translation>
    </message>
    <message>
        <source>No script: open a photo on the Photo tab first.</source>
        <translation>Kein Skript: zuerst ein Foto im Foto-Reiter öffnen.</translation>
    </message>
    <message>
        <source>No script: “%1” was pasted or dropped, so a script cannot load it. Save it as a file and open that.</source>
        <translation>Kein Skript: „%1“ wurde eingefügt oder abgelegt, ein Skript kann es also nicht laden. Als Datei speichern und diese öffnen.</translation>
    </message>
    <message>
        <source>No script: the script loads the photo with its own channels; choose Channels: Colour (without alpha) on the Photo tab.</source>
        <translation>Kein Skript: das Skript lädt das Foto mit seinen eigenen Kanälen; im Foto-Reiter „Kanäle: Farbe“ (ohne Alpha) wählen.</translation>
    </message>
</context>
<context>
    <name>poolviz::Example</name>
    <message>
        <source>Stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>Padding and SAME</source>
        <translation>Padding und SAME</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>Ceil-Modus</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>Dilatation</translation>
    </message>
    <message>
        <source>Max vs Average</source>
        <translation>Max gegen Mittelwert</translation>
    </message>
    <message>
        <source>Backward and unpooling</source>
        <translation>Rückwärts und Unpooling</translation>
    </message>
    <message>
        <source>Adaptive and global</source>
        <translation>Adaptiv und global</translation>
    </message>
    <message>
        <source>TensorFlow SAME: out = ⌈in/s⌉, the extra padding at the bottom/right</source>
        <translation>TensorFlow SAME: out = ⌈in/s⌉, das zusätzliche Padding unten/rechts</translation>
    </message>
    <message>
        <source>TensorFlow SAME average: padding is never counted</source>
        <translation>TensorFlow-SAME-Mittelwert: Padding wird nie mitgezählt</translation>
    </message>
    <message>
        <source>Padding counts as −∞ and never wins; ceil mode adds a last window</source>
        <translation>Padding zählt als −∞ und gewinnt nie; der Ceil-Modus fügt ein letztes Fenster hinzu</translation>
    </message>
    <message>
        <source>PyTorch ceil mode: the last window overhangs and its overhang is not counted</source>
        <translation>Ceil-Modus in PyTorch: das letzte Fenster ragt über, und der Überhang wird nicht mitgezählt</translation>
    </message>
    <message>
        <source>Dilated windows skip every other cell</source>
        <translation>Dilatierte Fenster überspringen jede zweite Zelle</translation>
    </message>
    <message>
        <source>PyTorch AvgPool2d on the same tensor: compare with max</source>
        <translation>PyTorch AvgPool2d auf demselben Tensor: mit Max vergleichen</translation>
    </message>
    <message>
        <source>torch.randint(0, 10, (1, 1, 4, 4)) max pooled</source>
        <translation>torch.randint(0, 10, (1, 1, 4, 4)) mit Max gepoolt</translation>
    </message>
    <message>
        <source>torch.randint(0, 10, (1, 1, 4, 4)) average pooled: compare with max</source>
        <translation>torch.randint(0, 10, (1, 1, 4, 4)) mit Mittelwert gepoolt: mit Max vergleichen</translation>
    </message>
    <message>
        <source>One input cell wins two windows and receives both gradients</source>
        <translation>Eine Eingabezelle gewinnt zwei Fenster und erhält beide Gradienten</translation>
    </message>
    <message>
        <source>Each window gives g/4 to each of its cells; the centre cells collect four shares</source>
        <translation>Jedes Fenster gibt g/4 an jede seiner Zellen; die mittleren Zellen sammeln vier Anteile</translation>
    </message>
    <message>
        <source>Max 2×2, stride 1: overlapping windows, 9 pools</source>
        <translation>Max 2×2, Schrittweite 1: überlappende Fenster, 9 Pools</translation>
    </message>
    <message>
        <source>Max pooling from scratch in NumPy: the 4×4 conv_output matrix, windows one step apart</source>
        <translation>Max-Pooling von Grund auf in NumPy: die 4×4-Matrix conv_output, Fenster einen Schritt auseinander</translation>
    </message>
    <message>
        <source>Max 2×2, stride 2: 4 pools, no overlap</source>
        <translation>Max 2×2, Schrittweite 2: 4 Pools, keine Überlappung</translation>
    </message>
    <message>
        <source>Max pooling from scratch in NumPy: the same 4×4 matrix, windows side by side</source>
        <translation>Max-Pooling von Grund auf in NumPy: dieselbe 4×4-Matrix, Fenster nebeneinander</translation>
    </message>
    <message>
        <source>Max 3×3, stride 2, SAME padding on 1…25</source>
        <translation>Max 3×3, Schrittweite 2, SAME-Padding auf 1…25</translation>
    </message>
    <message>
        <source>Average 2×2, stride 2, SAME padding on 1…9</source>
        <translation>Mittelwert 2×2, Schrittweite 2, SAME-Padding auf 1…9</translation>
    </message>
    <message>
        <source>Max 3×3, stride 2, padding 1 on a 6×6 matrix</source>
        <translation>Max 3×3, Schrittweite 2, Padding 1 auf einer 6×6-Matrix</translation>
    </message>
    <message>
        <source>Average 2×2, stride 3, ceil mode on 0…48</source>
        <translation>Mittelwert 2×2, Schrittweite 3, Ceil-Modus auf 0…48</translation>
    </message>
    <message>
        <source>Max 2×2, dilation 2, stride 1 on 1…25</source>
        <translation>Max 2×2, Dilatation 2, Schrittweite 1 auf 1…25</translation>
    </message>
    <message>
        <source>Max 2×2 on 1…16</source>
        <translation>Max 2×2 auf 1…16</translation>
    </message>
    <message>
        <source>PyTorch MaxPool2d on the 4×4 tensor 1…16</source>
        <translation>PyTorch MaxPool2d auf dem 4×4-Tensor 1…16</translation>
    </message>
    <message>
        <source>Average 2×2 on 1…16</source>
        <translation>Mittelwert 2×2 auf 1…16</translation>
    </message>
    <message>
        <source>Max 2×2 on random integers 0…9</source>
        <translation>Max 2×2 auf ganzen Zufallszahlen 0…9</translation>
    </message>
    <message>
        <source>Average 2×2 on random integers 0…9</source>
        <translation>Mittelwert 2×2 auf ganzen Zufallszahlen 0…9</translation>
    </message>
    <message>
        <source>Max 2×2 on a 6×4 matrix</source>
        <translation>Max 2×2 auf einer 6×4-Matrix</translation>
    </message>
    <message>
        <source>Pooling by reshape: each 2×2 block keeps its largest value</source>
        <translation>Pooling per Reshape: jeder 2×2-Block behält seinen größten Wert</translation>
    </message>
    <message>
        <source>Mean 2×2 on an 8×8 matrix</source>
        <translation>Mittelwert 2×2 auf einer 8×8-Matrix</translation>
    </message>
    <message>
        <source>Mean pooling by stride tricks: each 2×2 block becomes its average</source>
        <translation>Mittelwert-Pooling mit Stride-Tricks: jeder 2×2-Block wird zu seinem Mittelwert</translation>
    </message>
    <message>
        <source>Max 3×3, stride 3: the gradient goes to each maximum</source>
        <translation>Max 3×3, Schrittweite 3: der Gradient geht an jedes Maximum</translation>
    </message>
    <message>
        <source>Strided-view pooling of a 6×6 random matrix: the positions of the maxima and max-unpooling</source>
        <translation>Pooling mit Strided Views auf einer zufälligen 6×6-Matrix: die Positionen der Maxima und Max-Unpooling</translation>
    </message>
    <message>
        <source>Max 2×2, stride 1: overlapping windows add up</source>
        <translation>Max 2×2, Schrittweite 1: überlappende Fenster addieren sich</translation>
    </message>
    <message>
        <source>Average 2×2, stride 1: the gradient shared by 4</source>
        <translation>Mittelwert 2×2, Schrittweite 1: der Gradient durch 4 geteilt</translation>
    </message>
    <message>
        <source>Adaptive average 5×5 → 3×3</source>
        <translation>Adaptiver Mittelwert 5×5 → 3×3</translation>
    </message>
    <message>
        <source>AdaptiveAvgPool2d(3): bins [⌊i·5/3⌋, ⌈(i+1)·5/3⌉) overlap</source>
        <translation>AdaptiveAvgPool2d(3): die Bereiche [⌊i·5/3⌋, ⌈(i+1)·5/3⌉) überlappen</translation>
    </message>
    <message>
        <source>Global average of 1…16</source>
        <translation>Globaler Mittelwert von 1…16</translation>
    </message>
    <message>
        <source>AdaptiveAvgPool2d(1×1): one window over everything</source>
        <translation>AdaptiveAvgPool2d(1×1): ein Fenster über alles</translation>
    </message>
    <message>
        <source>Global max of 1…16</source>
        <translation>Globales Max von 1…16</translation>
    </message>
    <message>
        <source>AdaptiveMaxPool2d(1×1): one window over everything</source>
        <translation>AdaptiveMaxPool2d(1×1): ein Fenster über alles</translation>
    </message>
</context>
<context>
    <name>poolviz::ExportOptionsDialog</name>
    <message>
        <source>Export Options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Upscale with nearest neighbour, so slides show the blocks</source>
        <translation>Mit nächstem Nachbarn vergrößern, damit Folien die Blöcke zeigen</translation>
    </message>
    <message>
        <source>Upscale:</source>
        <translation>Vergrößern:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Quality:</source>
        <translation>Qualität:</translation>
    </message>
    <message>
        <source>%1 pixels</source>
        <translation>%1 Pixel</translation>
    </message>
</context>
<context>
    <name>poolviz::FrameworksPanel</name>
    <message>
        <source>yes, as it is</source>
        <translation>ja, unverändert</translation>
    </message>
    <message>
        <source>with a workaround</source>
        <translation>mit einem Umweg</translation>
    </message>
    <message>
        <source>yes, but differs</source>
        <translation>ja, aber abweichend</translation>
    </message>
    <message>
        <source>recipe (no layer)</source>
        <translation>Rezept (keine Schicht)</translation>
    </message>
    <message>
        <source>cannot express</source>
        <translation>nicht ausdrückbar</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Layer or recipe</source>
        <translation>Schicht oder Rezept</translation>
    </message>
    <message>
        <source>Takes it?</source>
        <translation>Übernimmt es?</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Why, and where it differs from PoolViz</source>
        <translation>Warum, und wo es von PoolViz abweicht</translation>
    </message>
    <message>
        <source>&lt;b&gt;PoolViz:&lt;/b&gt; %1 on a %2×%3 input → %4×%5. Every framework below is asked for the same numbers.</source>
        <translation>&lt;b&gt;PoolViz:&lt;/b&gt; %1 auf einer %2×%3-Eingabe → %4×%5. Jedes Framework unten wird nach denselben Zahlen gefragt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;PoolViz:&lt;/b&gt; %1 on a %2×%3 input: no output (%4)</source>
        <translation>&lt;b&gt;PoolViz:&lt;/b&gt; %1 auf einer %2×%3-Eingabe: keine Ausgabe (%4)</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>cell (%1, %2): PoolViz %3, %4 %5</source>
        <translation>Zelle (%1, %2): PoolViz %3, %4 %5</translation>
    </message>
    <message>
        <source>… and %1 more cells</source>
        <translation>… und %1 weitere Zellen</translation>
    </message>
    <message>
        <source>no output: %1</source>
        <translation>keine Ausgabe: %1</translation>
    </message>
    <message>
        <source>Output (%1, %2): %3.</source>
        <translation>Ausgabe (%1, %2): %3.</translation>
    </message>
    <message>
        <source>Open a photo on the Photo tab: this panel then explains its parameters.</source>
        <translation>Im Foto-Reiter ein Foto öffnen: dieser Bereich erklärt dann seine Parameter.</translation>
    </message>
</context>
<context>
    <name>poolviz::GifWriter</name>
    <message>
        <source>giflib error %1</source>
        <translation>giflib-Fehler %1</translation>
    </message>
    <message>
        <source>cannot write GIF &quot;%1&quot;: %2</source>
        <translation>GIF „%1“ lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>the size %1×%2 is outside 1..65535</source>
        <translation>die Größe %1×%2 liegt außerhalb von 1..65535</translation>
    </message>
    <message>
        <source>loop count %1 is outside 0..65535</source>
        <translation>die Wiederholungszahl %1 liegt außerhalb von 0..65535</translation>
    </message>
    <message>
        <source>giflib could not start</source>
        <translation>giflib ließ sich nicht starten</translation>
    </message>
    <message>
        <source>writing the screen descriptor failed</source>
        <translation>das Schreiben des Bildschirmdeskriptors schlug fehl</translation>
    </message>
    <message>
        <source>writing the loop extension failed</source>
        <translation>das Schreiben der Wiederholungserweiterung schlug fehl</translation>
    </message>
    <message>
        <source>the GIF is not open</source>
        <translation>das GIF ist nicht geöffnet</translation>
    </message>
    <message>
        <source>frame %1 is %2×%3, but the GIF is %4×%5</source>
        <translation>Bild %1 hat %2×%3, das GIF aber %4×%5</translation>
    </message>
    <message>
        <source>colour quantization of frame %1 failed</source>
        <translation>die Farbreduktion von Bild %1 schlug fehl</translation>
    </message>
    <message>
        <source>writing the delay of frame %1 failed</source>
        <translation>das Schreiben der Verzögerung von Bild %1 schlug fehl</translation>
    </message>
    <message>
        <source>out of memory for a palette</source>
        <translation>kein Speicher für eine Palette</translation>
    </message>
    <message>
        <source>writing frame %1 failed</source>
        <translation>das Schreiben von Bild %1 schlug fehl</translation>
    </message>
    <message>
        <source>an animation needs at least one frame</source>
        <translation>eine Animation braucht mindestens ein Bild</translation>
    </message>
    <message>
        <source>finishing the file failed</source>
        <translation>das Abschließen der Datei schlug fehl</translation>
    </message>
</context>
<context>
    <name>poolviz::Handout</name>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Lösung: %1</translation>
    </message>
    <message>
        <source>These parameters give no windows to step through.</source>
        <translation>Diese Parameter ergeben keine Fenster zum Durchgehen.</translation>
    </message>
    <message>
        <source>The input gradient, filled in by all %1 steps.</source>
        <translation>Der Eingabegradient, ausgefüllt von allen %1 Schritten.</translation>
    </message>
    <message>
        <source>The output, filled in by all %1 windows.</source>
        <translation>Die Ausgabe, ausgefüllt von allen %1 Fenstern.</translation>
    </message>
    <message>
        <source>Fill in the input gradient: where does each output gradient go? Write the sums where windows overlap.</source>
        <translation>Trage den Eingabegradienten ein: Wohin geht jeder Ausgabegradient? Schreibe die Summen dorthin, wo sich Fenster überlappen.</translation>
    </message>
    <message>
        <source>Fill in the output grid: one number for each of the %1 windows.</source>
        <translation>Fülle das Ausgaberaster aus: eine Zahl für jedes der %1 Fenster.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>PoolViz handout</source>
        <translation>PoolViz-Handout</translation>
    </message>
    <message>
        <source>Cannot write “%1”: there is no scene to print</source>
        <translation>„%1“ kann nicht geschrieben werden: es gibt keine Szene zum Drucken</translation>
    </message>
    <message>
        <source>Cannot write “%1”: the handout would have more than %2 pages; choose the worksheet, or fewer or smaller scenes</source>
        <translation>„%1“ kann nicht geschrieben werden: das Handout hätte mehr als %2 Seiten; das Arbeitsblatt oder weniger oder kleinere Szenen wählen</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Before the first step</source>
        <translation>Vor dem ersten Schritt</translation>
    </message>
    <message>
        <source>The unpooled plane, filled in by all %1 steps.</source>
        <translation>Die entpoolte Ebene, ausgefüllt von allen %1 Schritten.</translation>
    </message>
    <message>
        <source>Fill in the unpooled plane: where does each pooled value go back to?</source>
        <translation>Fülle die entpoolte Ebene aus: Wohin kehrt jeder gepoolte Wert zurück?</translation>
    </message>
</context>
<context>
    <name>poolviz::ImageIO</name>
    <message>
        <source>%1 pixels</source>
        <translation>%1 Pixel</translation>
    </message>
    <message>
        <source>%1 megapixels</source>
        <translation>%1 Megapixel</translation>
    </message>
    <message>
        <source>the image is %1×%2 = %3, above the limit of %4</source>
        <translation>das Bild hat %1×%2 = %3, über der Grenze von %4</translation>
    </message>
    <message>
        <source>it is damaged or cut short (its %1 chunk at byte %2 declares %3 bytes; the file ends %4 bytes later)</source>
        <translation>es ist beschädigt oder abgeschnitten (sein %1-Block bei Byte %2 kündigt %3 Bytes an; die Datei endet %4 Bytes später)</translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation>das Bild ist leer</translation>
    </message>
    <message>
        <source>the image is %1×%2 with %3 planes = %4 values, above the limit of %5</source>
        <translation>das Bild hat %1×%2 mit %3 Ebenen = %4 Werte, über der Grenze von %5</translation>
    </message>
    <message>
        <source>the %1×%2 image could not be converted to RGBA (out of memory?)</source>
        <translation>das %1×%2-Bild ließ sich nicht nach RGBA umwandeln (Speicher voll?)</translation>
    </message>
    <message>
        <source>cannot open image &quot;%1&quot;: the file does not exist</source>
        <translation>Bild „%1“ lässt sich nicht öffnen: die Datei existiert nicht</translation>
    </message>
    <message>
        <source>cannot read image &quot;%1&quot;: %2</source>
        <translation>Bild „%1“ lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>cannot load &quot;%1&quot;: %2</source>
        <translation>„%1“ lässt sich nicht laden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is damaged or cut short (the decoder says: %2); what is missing reads as grey</source>
        <translation>„%1“ ist beschädigt oder abgeschnitten (der Decoder meldet: %2); was fehlt, wird grau gelesen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has 16 bits per channel; PoolViz reads it as 8 bits (0–255), rounding each value</source>
        <translation>„%1“ hat 16 Bit pro Kanal; PoolViz liest es mit 8 Bit (0–255) und rundet jeden Wert</translation>
    </message>
    <message>
        <source>cannot save &quot;%1&quot;: the image is empty</source>
        <translation>„%1“ lässt sich nicht speichern: das Bild ist leer</translation>
    </message>
    <message>
        <source>cannot save &quot;%1&quot;: the file name has no extension to choose an image format (e.g. .png)</source>
        <translation>„%1“ lässt sich nicht speichern: der Dateiname hat keine Endung, die ein Bildformat wählt (z. B. .png)</translation>
    </message>
    <message>
        <source>cannot save &quot;%1&quot;: Qt cannot write .%2 images</source>
        <translation>„%1“ lässt sich nicht speichern: Qt kann keine .%2-Bilder schreiben</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>„%1“ lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: it is a device, pipe or socket, not a regular file (PoolViz replaces an output file whole)</source>
        <translation>„%1“ lässt sich nicht schreiben: es ist ein Gerät, eine Pipe oder ein Socket, keine gewöhnliche Datei (PoolViz ersetzt eine Ausgabedatei als Ganzes)</translation>
    </message>
</context>
<context>
    <name>poolviz::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes when PoolViz starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von PoolViz.</translation>
    </message>
    <message>
        <source>System Default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
</context>
<context>
    <name>poolviz::LessonController</name>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>New &amp;Lesson</source>
        <translation>Neue &amp;Lektion</translation>
    </message>
    <message>
        <source>Start an empty lesson: add scenes from the Lesson panel</source>
        <translation>Eine leere Lektion beginnen: Szenen im Lektionsbereich hinzufügen</translation>
    </message>
    <message>
        <source>Open Lesso&amp;n…</source>
        <translation>Lektion ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <source>PoolViz lessons (*.poolviz)</source>
        <translation>PoolViz-Lektionen (*.poolviz)</translation>
    </message>
    <message>
        <source>Save Lesson</source>
        <translation>Lektion speichern</translation>
    </message>
    <message>
        <source>lesson.poolviz</source>
        <translation>lektion.poolviz</translation>
    </message>
    <message>
        <source>Ne&amp;xt Scene</source>
        <translation>&amp;Nächste Szene</translation>
    </message>
    <message>
        <source>Pre&amp;vious Scene</source>
        <translation>&amp;Vorherige Szene</translation>
    </message>
    <message>
        <source>Next Step or Scene</source>
        <translation>Nächster Schritt oder nächste Szene</translation>
    </message>
    <message>
        <source>Previous Step or Scene</source>
        <translation>Voriger Schritt oder vorige Szene</translation>
    </message>
    <message>
        <source>Open &amp;Recent Lesson</source>
        <translation>&amp;Zuletzt geöffnete Lektion</translation>
    </message>
    <message>
        <source>Whole Lesson, One Page per &amp;Step…</source>
        <translation>Ganze Lektion, eine Seite je &amp;Schritt…</translation>
    </message>
    <message>
        <source>Whole Lesson, &amp;Worksheet with Answers…</source>
        <translation>Ganze Lektion, &amp;Arbeitsblatt mit Lösungen…</translation>
    </message>
    <message>
        <source>This Scene, One &amp;Page per Step…</source>
        <translation>Diese Szene, eine &amp;Seite je Schritt…</translation>
    </message>
    <message>
        <source>This Scene, W&amp;orksheet with Answers…</source>
        <translation>Diese Szene, Arbeits&amp;blatt mit Lösungen…</translation>
    </message>
    <message>
        <source>Show Scene “%1”</source>
        <translation>Szene „%1“ zeigen</translation>
    </message>
    <message>
        <source>Scene “%1”</source>
        <translation>Szene „%1“</translation>
    </message>
    <message>
        <source>The gradient of scene “%1” is %2 but the output is %3: ones are used.</source>
        <translation>Der Gradient der Szene „%1“ ist %2, die Ausgabe aber %3: es werden Einsen verwendet.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <source>Scene “%1” cannot be traced: %2</source>
        <translation>Szene „%1“ kann nicht durchlaufen werden: %2</translation>
    </message>
    <message>
        <source>Scene %1 of %2: %3</source>
        <translation>Szene %1 von %2: %3</translation>
    </message>
    <message>
        <source>Unsaved Lesson</source>
        <translation>Ungespeicherte Lektion</translation>
    </message>
    <message>
        <source>The lesson has changes that are not saved.</source>
        <translation>Die Lektion hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save them before %1?</source>
        <translation>Speichern, bevor %1?</translation>
    </message>
    <message>
        <source>opening “%1”</source>
        <translation>„%1“ geöffnet wird</translation>
    </message>
    <message>
        <source>opening the lesson “%1”</source>
        <translation>die Lektion „%1“ geöffnet wird</translation>
    </message>
    <message>
        <source>The lesson has no scenes.</source>
        <translation>Die Lektion hat keine Szenen.</translation>
    </message>
    <message>
        <source>Opened “%1”, but: %2</source>
        <translation>„%1“ geöffnet, aber: %2</translation>
    </message>
    <message numerus="yes">
        <source>Opened the lesson “%1” (%n scene(s)).</source>
        <translation>
            <numerusform>Lektion „%1“ geöffnet (%n Szene).</numerusform>
            <numerusform>Lektion „%1“ geöffnet (%n Szenen).</numerusform>
        </translation>
    </message>
    <message>
        <source>starting a new lesson</source>
        <translation>eine neue Lektion begonnen wird</translation>
    </message>
    <message>
        <source>Saved the lesson to %1.</source>
        <translation>Lektion in %1 gespeichert.</translation>
    </message>
    <message>
        <source>plane %1</source>
        <translation>Ebene %1</translation>
    </message>
    <message>
        <source>Wrote the handout %1.</source>
        <translation>Handout %1 geschrieben.</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>handout</translation>
    </message>
    <message>
        <source>-worksheet</source>
        <translation>-arbeitsblatt</translation>
    </message>
    <message>
        <source>Export Handout</source>
        <translation>Handout exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sa&amp;ve Lesson</source>
        <translation>Lektion spei&amp;chern</translation>
    </message>
    <message>
        <source>Sav&amp;e Lesson As…</source>
        <translation>Lektion speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Open Sa&amp;mple Lesson</source>
        <translation>&amp;Beispiellektion öffnen</translation>
    </message>
    <message>
        <source>Export Han&amp;dout (PDF)</source>
        <translation>&amp;Handout exportieren (PDF)</translation>
    </message>
    <message>
        <source>&amp;Lesson Panel</source>
        <translation>&amp;Lektionsbereich</translation>
    </message>
    <message>
        <source>Photo crop: %1, rows %2–%3, columns %4–%5</source>
        <translation>Fotoausschnitt: %1, Zeilen %2–%3, Spalten %4–%5</translation>
    </message>
    <message>
        <source>The photo of scene “%1” cannot be shown: %2 Its saved %3×%4 crop is on the Matrix tab instead.</source>
        <translation>Das Foto der Szene „%1“ kann nicht gezeigt werden: %2 Stattdessen steht ihr gespeicherter %3×%4-Ausschnitt im Matrix-Reiter.</translation>
    </message>
    <message>
        <source>“%1” is not there (looked for %2).</source>
        <translation>„%1“ ist nicht vorhanden (gesucht: %2).</translation>
    </message>
    <message>
        <source>Photo of “%1”</source>
        <translation>Foto von „%1“</translation>
    </message>
    <message>
        <source>The sliding window of scene “%1” cannot run: %2</source>
        <translation>Das gleitende Fenster der Szene „%1“ kann nicht laufen: %2</translation>
    </message>
</context>
<context>
    <name>poolviz::LessonDocument</name>
    <message>
        <source>Add Scene “%1”</source>
        <translation>Szene „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate Scene “%1”</source>
        <translation>Szene „%1“ duplizieren</translation>
    </message>
    <message>
        <source>Delete Scene “%1”</source>
        <translation>Szene „%1“ löschen</translation>
    </message>
    <message>
        <source>Move Scene “%1”</source>
        <translation>Szene „%1“ verschieben</translation>
    </message>
    <message>
        <source>Rename Scene “%1”</source>
        <translation>Szene „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Edit Note of “%1”</source>
        <translation>Notiz zu „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Update Scene “%1”</source>
        <translation>Szene „%1“ aktualisieren</translation>
    </message>
    <message>
        <source>Rename Lesson</source>
        <translation>Lektion umbenennen</translation>
    </message>
    <message>
        <source>Only a scene of the Photo tab has a photo to embed.</source>
        <translation>Nur eine Szene des Foto-Reiters hat ein Foto zum Einbetten.</translation>
    </message>
    <message>
        <source>Cannot embed “%1”: %2</source>
        <translation>„%1“ kann nicht eingebettet werden: %2</translation>
    </message>
    <message>
        <source>The photo of “%1” was pasted: it has no file to link to, so it stays embedded.</source>
        <translation>Das Foto von „%1“ wurde eingefügt: es gibt keine Datei, auf die verwiesen werden kann, daher bleibt es eingebettet.</translation>
    </message>
    <message>
        <source>Embed the Photo of “%1”</source>
        <translation>Foto von „%1“ einbetten</translation>
    </message>
    <message>
        <source>Link the Photo of “%1”</source>
        <translation>Foto von „%1“ verknüpfen</translation>
    </message>
</context>
<context>
    <name>poolviz::LessonFile</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>“%1” must be %2, not %3</source>
        <translation>„%1“ muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>two whole numbers of at least 0</source>
        <translation>zwei ganze Zahlen ab 0</translation>
    </message>
    <message>
        <source>two whole numbers of at least %1</source>
        <translation>zwei ganze Zahlen ab %1</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>ein Text</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>eines von %1</translation>
    </message>
    <message>
        <source>an object with “shape” and “values”</source>
        <translation>ein Objekt mit „shape“ und „values“</translation>
    </message>
    <message>
        <source>2 to 4 whole numbers of at least 1</source>
        <translation>2 bis 4 ganze Zahlen ab 1</translation>
    </message>
    <message>
        <source>“%1” is too large: %2</source>
        <translation>„%1“ ist zu groß: %2</translation>
    </message>
    <message>
        <source>a list of %1 numbers</source>
        <translation>eine Liste von %1 Zahlen</translation>
    </message>
    <message>
        <source>a number, &quot;nan&quot;, &quot;inf&quot;, &quot;-inf&quot; or &quot;-0&quot;</source>
        <translation>eine Zahl, &quot;nan&quot;, &quot;inf&quot;, &quot;-inf&quot; oder &quot;-0&quot;</translation>
    </message>
    <message>
        <source>a number above 0</source>
        <translation>eine Zahl über 0</translation>
    </message>
    <message>
        <source>four whole numbers of at least 0 (top, bottom, left, right)</source>
        <translation>vier ganze Zahlen ab 0 (oben, unten, links, rechts)</translation>
    </message>
    <message>
        <source>a whole number of at least 1, or null</source>
        <translation>eine ganze Zahl ab 1 oder null</translation>
    </message>
    <message>
        <source>it is %1, not an object</source>
        <translation>sie ist %1, kein Objekt</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1 (the input&apos;s planes)</source>
        <translation>eine ganze Zahl von 0 bis %1 (die Ebenen der Eingabe)</translation>
    </message>
    <message>
        <source>a whole number of at least 0</source>
        <translation>eine ganze Zahl ab 0</translation>
    </message>
    <message>
        <source>an object on a photo scene</source>
        <translation>in einer Fotoszene ein Objekt</translation>
    </message>
    <message>
        <source>a PNG image in base64</source>
        <translation>ein PNG-Bild in Base64</translation>
    </message>
    <message>
        <source>four whole numbers x, y, width, height (width and height at least 1)</source>
        <translation>vier ganze Zahlen x, y, Breite, Höhe (Breite und Höhe ab 1)</translation>
    </message>
    <message>
        <source>a whole number from 0 to 3</source>
        <translation>eine ganze Zahl von 0 bis 3</translation>
    </message>
    <message>
        <source>an object with “path” or “png_base64”</source>
        <translation>ein Objekt mit „path“ oder „png_base64“</translation>
    </message>
    <message>
        <source>the photo “%1” is not there (looked for %2)</source>
        <translation>das Foto „%1“ fehlt (gesucht: %2)</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>Scene %1 (“%2”)</source>
        <translation>Szene %1 („%2“)</translation>
    </message>
    <message>
        <source>not a PoolViz lesson: the JSON is broken at character %1 (%2)</source>
        <translation>keine PoolViz-Lektion: das JSON ist bei Zeichen %1 defekt (%2)</translation>
    </message>
    <message>
        <source>not a PoolViz lesson: the file holds a JSON array, not an object</source>
        <translation>keine PoolViz-Lektion: die Datei enthält ein JSON-Array, kein Objekt</translation>
    </message>
    <message>
        <source>not a PoolViz lesson: “format” is %1, not &quot;%2&quot;</source>
        <translation>keine PoolViz-Lektion: „format“ ist %1, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>“version” must be a whole number of at least 1, not %1</source>
        <translation>„version“ muss eine ganze Zahl ab 1 sein, nicht %1</translation>
    </message>
    <message>
        <source>The lesson was written by a newer PoolViz (format version %1; this one reads version %2): what this version does not know is left out.</source>
        <translation>Die Lektion stammt von einem neueren PoolViz (Formatversion %1; dieses liest Version %2): was diese Version nicht kennt, wird ausgelassen.</translation>
    </message>
    <message>
        <source>“scenes” must be a list of scenes, not %1</source>
        <translation>„scenes“ muss eine Liste von Szenen sein, nicht %1</translation>
    </message>
    <message>
        <source>“title” must be a text, not %1; the lesson has no title.</source>
        <translation>„title“ muss ein Text sein, nicht %1; die Lektion hat keinen Titel.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1 left out: %2.</source>
        <translation>%1 ausgelassen: %2.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>poolviz::LimitsDialog</name>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>PoolViz refuses, with a message naming the sizes, anything larger than these limits before it allocates memory for it.</source>
        <translation>PoolViz lehnt alles ab, was größer als diese Grenzen ist, bevor es Speicher dafür belegt, und nennt dabei die Größen.</translation>
    </message>
    <message>
        <source> million values</source>
        <translation> Millionen Werte</translation>
    </message>
    <message>
        <source>Largest output in millions of values</source>
        <translation>Größte Ausgabe in Millionen Werten</translation>
    </message>
    <message>
        <source>Outputs (all planes), gradients and unpooled planes (default 100 million)</source>
        <translation>Ausgaben (alle Ebenen), Gradienten und Unpooling-Ebenen (Standard 100 Millionen)</translation>
    </message>
    <message>
        <source>Largest output:</source>
        <translation>Größte Ausgabe:</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Longest animation in steps</source>
        <translation>Längste Animation in Schritten</translation>
    </message>
    <message>
        <source>Steps of one animation, and so frames of an exported GIF (default 10 000)</source>
        <translation>Schritte einer Animation und damit Bilder eines exportierten GIFs (Standard 10 000)</translation>
    </message>
    <message>
        <source>Longest animation:</source>
        <translation>Längste Animation:</translation>
    </message>
    <message>
        <source>An output at this limit can take about %1 GB of memory.</source>
        <translation>Eine Ausgabe an dieser Grenze kann etwa %1 GB Speicher belegen.</translation>
    </message>
</context>
<context>
    <name>poolviz::LinkedSizeEdit</name>
    <message>
        <source>height and width</source>
        <translation>Höhe und Breite</translation>
    </message>
    <message>
        <source>%1 height (rows)</source>
        <translation>%1: Höhe (Zeilen)</translation>
    </message>
    <message>
        <source>%1 width (columns)</source>
        <translation>%1: Breite (Spalten)</translation>
    </message>
    <message>
        <source>%1 height</source>
        <translation>%1: Höhe</translation>
    </message>
    <message>
        <source>%1 width</source>
        <translation>%1: Breite</translation>
    </message>
</context>
<context>
    <name>poolviz::MainWindow</name>
    <message>
        <source>%1 is now the matrix (Undo goes back).</source>
        <translation>%1 ist jetzt die Matrix (Rückgängig macht es ungeschehen).</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Gradient ∂L/∂y</source>
        <translation>Gradient ∂L/∂y</translation>
    </message>
    <message>
        <source>The matrix that is pooled</source>
        <translation>Die Matrix, die gepoolt wird</translation>
    </message>
    <message>
        <source>The upstream gradient of the backward pass: one value per output cell</source>
        <translation>Der Upstream-Gradient des Rückwärtsdurchlaufs: ein Wert je Ausgabezelle</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a matrix (.csv, .txt, .npy) or an image</source>
        <translation>Eine Matrix (.csv, .txt, .npy) oder ein Bild öffnen</translation>
    </message>
    <message>
        <source>Matrices (%1)</source>
        <translation>Matrizen (%1)</translation>
    </message>
    <message>
        <source>Matrices and images (%1 %2);;</source>
        <translation>Matrizen und Bilder (%1 %2);;</translation>
    </message>
    <message>
        <source>;;Images (%1)</source>
        <translation>;;Bilder (%1)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Matrix</source>
        <translation>Matrix &amp;speichern</translation>
    </message>
    <message>
        <source>Save the input matrix</source>
        <translation>Die Eingabematrix speichern</translation>
    </message>
    <message>
        <source>Save Matrix &amp;As…</source>
        <translation>Matrix speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Paste Matrix or Image</source>
        <translation>Matrix oder Bild &amp;einfügen</translation>
    </message>
    <message>
        <source>Use the clipboard&apos;s matrix text or image</source>
        <translation>Matrixtext oder Bild aus der Zwischenablage verwenden</translation>
    </message>
    <message>
        <source>&amp;Copy Stage Image</source>
        <translation>Bühnenbild &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied the stage to the clipboard.</source>
        <translation>Die Bühne wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>&amp;Forward Pass</source>
        <translation>&amp;Vorwärtsdurchlauf</translation>
    </message>
    <message>
        <source>&amp;Backward Pass</source>
        <translation>&amp;Rückwärtsdurchlauf</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>Show the forward pass: windows pool the input</source>
        <translation>Den Vorwärtsdurchlauf zeigen: Fenster poolen die Eingabe</translation>
    </message>
    <message>
        <source>Show the backward pass: the gradient flows back to the input</source>
        <translation>Den Rückwärtsdurchlauf zeigen: der Gradient fließt zur Eingabe zurück</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <source>Fill the screen (for projecting)</source>
        <translation>Den ganzen Bildschirm füllen (für den Beamer)</translation>
    </message>
    <message>
        <source>Show &amp;Editing Panels</source>
        <translation>&amp;Eingabebereiche anzeigen</translation>
    </message>
    <message>
        <source>Hide the parameters and the matrix editor to give the stage the whole window (for projecting)</source>
        <translation>Parameter und Matrixeditor ausblenden, damit die Bühne das ganze Fenster bekommt (für den Beamer)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>Schritt &amp;zurück</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Step &amp;Forward</source>
        <translation>Schritt &amp;vor</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>F&amp;irst Step</source>
        <translation>&amp;Erster Schritt</translation>
    </message>
    <message>
        <source>Back to the start, before the first window</source>
        <translation>Zurück zum Anfang, vor das erste Fenster</translation>
    </message>
    <message>
        <source>&amp;Last Step</source>
        <translation>&amp;Letzter Schritt</translation>
    </message>
    <message>
        <source>Jump to the last step: the whole output</source>
        <translation>Zum letzten Schritt springen: die ganze Ausgabe</translation>
    </message>
    <message>
        <source>Fas&amp;ter</source>
        <translation>&amp;Schneller</translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation>Lan&amp;gsamer</translation>
    </message>
    <message>
        <source>Play faster</source>
        <translation>Schneller abspielen</translation>
    </message>
    <message>
        <source>Play slower</source>
        <translation>Langsamer abspielen</translation>
    </message>
    <message>
        <source>Stage as &amp;PNG…</source>
        <translation>Bühne als &amp;PNG…</translation>
    </message>
    <message>
        <source>The stage at this step as a PNG picture</source>
        <translation>Die Bühne bei diesem Schritt als PNG-Bild</translation>
    </message>
    <message>
        <source>Stage as &amp;SVG…</source>
        <translation>Bühne als &amp;SVG…</translation>
    </message>
    <message>
        <source>The stage at this step as scalable vector graphics for slides</source>
        <translation>Die Bühne bei diesem Schritt als skalierbare Vektorgrafik für Folien</translation>
    </message>
    <message>
        <source>Stage as P&amp;DF…</source>
        <translation>Bühne als P&amp;DF…</translation>
    </message>
    <message>
        <source>The stage at this step as a one-page PDF</source>
        <translation>Die Bühne bei diesem Schritt als einseitiges PDF</translation>
    </message>
    <message>
        <source>Animation as &amp;GIF…</source>
        <translation>Animation als &amp;GIF…</translation>
    </message>
    <message>
        <source>Every step as an animated GIF</source>
        <translation>Jeder Schritt als animiertes GIF</translation>
    </message>
    <message>
        <source>Animation as PNG &amp;Frames…</source>
        <translation>Animation als PNG-Einzel&amp;bilder…</translation>
    </message>
    <message>
        <source>Every step as numbered PNG pictures in a folder</source>
        <translation>Jeder Schritt als nummeriertes PNG-Bild in einem Ordner</translation>
    </message>
    <message>
        <source>&amp;Output Matrix…</source>
        <translation>&amp;Ausgabematrix…</translation>
    </message>
    <message>
        <source>The pooled output as CSV or .npy</source>
        <translation>Die gepoolte Ausgabe als CSV oder .npy</translation>
    </message>
    <message>
        <source>&amp;Input Gradient…</source>
        <translation>&amp;Eingabegradient…</translation>
    </message>
    <message>
        <source>The backward pass&apos;s input gradient as CSV or .npy</source>
        <translation>Der Eingabegradient des Rückwärtsdurchlaufs als CSV oder .npy</translation>
    </message>
    <message>
        <source>Export Stage as PNG</source>
        <translation>Bühne als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Stage as SVG</source>
        <translation>Bühne als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Export Stage as PDF</source>
        <translation>Bühne als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Export Animation as GIF</source>
        <translation>Animation als GIF exportieren</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF-Animationen (*.gif)</translation>
    </message>
    <message>
        <source>Export Animation Frames into Folder</source>
        <translation>Einzelbilder der Animation in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Export Output Matrix</source>
        <translation>Ausgabematrix exportieren</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy);;CSV files (*.csv)</source>
        <translation>NumPy-Arrays (*.npy);;CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Input Gradient</source>
        <translation>Eingabegradient exportieren</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About PoolViz</source>
        <translation>Ü&amp;ber PoolViz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>P&amp;hoto</source>
        <translation>&amp;Foto</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>Bei&amp;spiele</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play the steps one by one</source>
        <translation>Die Schritte nacheinander abspielen</translation>
    </message>
    <message>
        <source>%1[*] — PoolViz</source>
        <translation>%1[*] — PoolViz</translation>
    </message>
    <message>
        <source>%1 · %2%3</source>
        <translation>%1 · %2%3</translation>
    </message>
    <message>
        <source> · unsaved edits</source>
        <translation> · ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>closing PoolViz</source>
        <translation>PoolViz geschlossen wird</translation>
    </message>
    <message>
        <source>Unsaved Matrix</source>
        <translation>Ungespeicherte Matrix</translation>
    </message>
    <message>
        <source>The matrix has edits that are not saved.</source>
        <translation>Die Matrix hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save them before %1?</source>
        <translation>Speichern, bevor %1?</translation>
    </message>
    <message>
        <source>opening “%1”</source>
        <translation>„%1“ geöffnet wird</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Opened %1 (%2).</source>
        <translation>%1 geöffnet (%2).</translation>
    </message>
    <message>
        <source>Opened the image %1.</source>
        <translation>Bild %1 geöffnet.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: PoolViz reads matrices (.csv, .txt, .npy) and images (%2)</source>
        <translation>„%1“ kann nicht geöffnet werden: PoolViz liest Matrizen (.csv, .txt, .npy) und Bilder (%2)</translation>
    </message>
    <message>
        <source>There is no example “%1”.</source>
        <translation>Es gibt kein Beispiel „%1“.</translation>
    </message>
    <message>
        <source>loading the example “%1”</source>
        <translation>das Beispiel „%1“ geladen wird</translation>
    </message>
    <message>
        <source>Save Matrix</source>
        <translation>Matrix speichern</translation>
    </message>
    <message>
        <source> CSV holds one matrix: only channel %1 of %2 was saved; .npy keeps them all.</source>
        <translation> CSV fasst eine Matrix: nur Kanal %1 von %2 wurde gespeichert; .npy behält alle.</translation>
    </message>
    <message>
        <source>Cannot save “%1”: choose a .npy, .csv or .txt file name</source>
        <translation>„%1“ kann nicht gespeichert werden: einen Dateinamen auf .npy, .csv oder .txt wählen</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to export: %1</source>
        <translation>Nichts zu exportieren: %1</translation>
    </message>
    <message>
        <source>PoolViz stage</source>
        <translation>PoolViz-Bühne</translation>
    </message>
    <message>
        <source>Cannot export “%1”: choose a .png, .svg or .pdf file name</source>
        <translation>„%1“ kann nicht exportiert werden: einen Dateinamen auf .png, .svg oder .pdf wählen</translation>
    </message>
    <message>
        <source>Could not export “%1”: %2</source>
        <translation>„%1“ konnte nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Exported the stage to %1.</source>
        <translation>Bühne nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Could not export the animation to “%1”: %2</source>
        <translation>Die Animation konnte nicht nach „%1“ exportiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n frame(s) to %1.</source>
        <translation>
            <numerusform>%n Einzelbild nach %1 exportiert.</numerusform>
            <numerusform>%n Einzelbilder nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>the output</source>
        <translation>die Ausgabe</translation>
    </message>
    <message>
        <source>The input gradient exists in the backward pass: choose View ▸ Backward Pass first.</source>
        <translation>Den Eingabegradienten gibt es im Rückwärtsdurchlauf: zuerst Ansicht ▸ Rückwärtsdurchlauf wählen.</translation>
    </message>
    <message>
        <source>the input gradient</source>
        <translation>den Eingabegradienten</translation>
    </message>
    <message>
        <source>Cannot export “%1”: choose a .npy or .csv file name</source>
        <translation>„%1“ kann nicht exportiert werden: einen Dateinamen auf .npy oder .csv wählen</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>The clipboard is empty.</source>
        <translation>Die Zwischenablage ist leer.</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>Eingefügtes Bild</translation>
    </message>
    <message>
        <source>The clipboard text is not a matrix: see the paste box.</source>
        <translation>Der Text in der Zwischenablage ist keine Matrix: siehe das Einfügefeld.</translation>
    </message>
    <message>
        <source>The clipboard holds neither a matrix nor an image.</source>
        <translation>Die Zwischenablage enthält weder eine Matrix noch ein Bild.</translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation>Abgelegtes Bild</translation>
    </message>
    <message>
        <source>Play / Pause</source>
        <translation>Abspielen / Pause</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>In the matrix table the arrow keys move between cells; typing replaces a value; Delete sets it to 0.</source>
        <translation>In der Matrixtabelle wechseln die Pfeiltasten zwischen Zellen; Tippen ersetzt einen Wert; Entf setzt ihn auf 0.</translation>
    </message>
    <message>
        <source>About PoolViz</source>
        <translation>Über PoolViz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PoolViz %1&lt;/h3&gt;&lt;p&gt;Step through 2-D pooling as a CNN does it: every window, its winner, the output it fills and, backward, where the gradient goes.&lt;/p&gt;&lt;p&gt;Every number comes from PoolViz&apos;s core, which matches PyTorch (and TensorFlow for SAME/VALID padding).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PoolViz %1&lt;/h3&gt;&lt;p&gt;2-D-Pooling Schritt für Schritt, wie ein CNN es rechnet: jedes Fenster, sein Gewinner, die Ausgabe, die es füllt, und rückwärts, wohin der Gradient fließt.&lt;/p&gt;&lt;p&gt;Jede Zahl kommt aus dem Kern von PoolViz, der mit PyTorch übereinstimmt (und mit TensorFlow bei SAME/VALID-Padding).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panels folded to keep the numbers readable (Ctrl+Shift+P shows them).</source>
        <translation>Bereiche eingeklappt, damit die Zahlen lesbar bleiben (Strg+Umschalt+P zeigt sie).</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>&amp;Reduced Motion</source>
        <translation>&amp;Weniger Bewegung</translation>
    </message>
    <message>
        <source>Reduced motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <source>Reduced motion: the window jumps from step to step instead of sliding (follows the desktop&apos;s setting until chosen)</source>
        <translation>Weniger Bewegung: das Fenster springt von Schritt zu Schritt, statt zu gleiten (folgt der Einstellung des Desktops, bis es gewählt wird)</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Full screen with only the stage, its legend and notes; Page Up/Down step, Esc leaves</source>
        <translation>Vollbild nur mit der Bühne, ihrer Legende und den Hinweisen; Bild auf/ab blättert, Esc beendet</translation>
    </message>
    <message>
        <source>Leave Presenter Mode</source>
        <translation>Präsentationsmodus verlassen</translation>
    </message>
    <message>
        <source>Show &amp;Fractions</source>
        <translation>&amp;Brüche zeigen</translation>
    </message>
    <message>
        <source>Write values such as 0.25 and 0.444… as the fractions ¼ and 4/9</source>
        <translation>Werte wie 0,25 und 0,444… als die Brüche ¼ und 4/9 schreiben</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>&amp;Grenzen…</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>&amp;Unpool</source>
        <translation>&amp;Entpoolen</translation>
    </message>
    <message>
        <source>Unpool</source>
        <translation>Entpoolen</translation>
    </message>
    <message>
        <source>Show unpooling: the pooled values go back to their argmax (max) or spread over their windows (average)</source>
        <translation>Entpoolen zeigen: Die gepoolten Werte kehren zu ihrem Argmax zurück (Max) oder verteilen sich über ihre Fenster (Mittelwert)</translation>
    </message>
</context>
<context>
    <name>poolviz::MatrixEditor</name>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Ones</source>
        <translation>&amp;Einsen</translation>
    </message>
    <message>
        <source>Set every value of the current channel to 0</source>
        <translation>Jeden Wert des aktuellen Kanals auf 0 setzen</translation>
    </message>
    <message>
        <source>Reset the upstream gradient to ones (the default)</source>
        <translation>Den Upstream-Gradienten auf Einsen zurücksetzen (die Vorgabe)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>&amp;Größe</translation>
    </message>
    <message>
        <source>Rows of the matrix (1–%1)</source>
        <translation>Zeilen der Matrix (1–%1)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns of the matrix (1–%1)</source>
        <translation>Spalten der Matrix (1–%1)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>+ Channel</source>
        <translation>+ Kanal</translation>
    </message>
    <message>
        <source>Add a channel of zeros (each channel is pooled on its own)</source>
        <translation>Einen Kanal aus Nullen hinzufügen (jeder Kanal wird für sich gepoolt)</translation>
    </message>
    <message>
        <source>Input matrix</source>
        <translation>Eingabematrix</translation>
    </message>
    <message>
        <source>Upstream gradient</source>
        <translation>Upstream-Gradient</translation>
    </message>
    <message>
        <source>Smallest random integer</source>
        <translation>Kleinste ganze Zufallszahl</translation>
    </message>
    <message>
        <source>Largest random integer</source>
        <translation>Größte ganze Zufallszahl</translation>
    </message>
    <message>
        <source>Seed: the same seed always gives the same numbers</source>
        <translation>Seed (Startwert): derselbe Seed ergibt immer dieselben Zahlen</translation>
    </message>
    <message>
        <source>the current channel</source>
        <translation>den aktuellen Kanal</translation>
    </message>
    <message>
        <source>the gradient</source>
        <translation>den Gradienten</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>&amp;Paste or type a matrix:</source>
        <translation>Matrix &amp;einfügen oder eintippen:</translation>
    </message>
    <message>
        <source>&amp;Paste a gradient:</source>
        <translation>Gradienten &amp;einfügen:</translation>
    </message>
    <message>
        <source>1 2; 3 4   ·   spreadsheet cells   ·   np.array([[1, 2], [3, 4]])</source>
        <translation>1 2; 3 4   ·   Tabellenzellen   ·   np.array([[1, 2], [3, 4]])</translation>
    </message>
    <message>
        <source>Matrix text</source>
        <translation>Matrixtext</translation>
    </message>
    <message>
        <source>Gradient text</source>
        <translation>Gradiententext</translation>
    </message>
    <message>
        <source>&amp;Use Matrix</source>
        <translation>Matrix &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Use Gradient</source>
        <translation>Gradienten &amp;übernehmen</translation>
    </message>
    <message>
        <source>Use the text above (Ctrl+Return)</source>
        <translation>Den Text oben übernehmen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Sample %1 · channel %2</source>
        <translation>Probe %1 · Kanal %2</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>∂L/∂y: one value per output cell (%1, the output&apos;s size). Ones by default; type, paste or randomise.</source>
        <translation>∂L/∂y: ein Wert je Ausgabezelle (%1, die Größe der Ausgabe). Vorgabe: Einsen; eintippen, einfügen oder würfeln.</translation>
    </message>
    <message>
        <source>No output, so no gradient: fix the parameters first.</source>
        <translation>Keine Ausgabe, also kein Gradient: zuerst die Parameter korrigieren.</translation>
    </message>
    <message>
        <source>The matrix in use stays as it was until the text reads as a matrix.</source>
        <translation>Die verwendete Matrix bleibt unverändert, bis der Text als Matrix lesbar ist.</translation>
    </message>
    <message>
        <source>The gradient must be %1 (the output&apos;s size); this is %2.</source>
        <translation>Der Gradient muss %1 groß sein (die Größe der Ausgabe); dieser ist %2.</translation>
    </message>
    <message>
        <source>the output&apos;s size</source>
        <translation>die Größe der Ausgabe</translation>
    </message>
    <message>
        <source>✓ %1 %2 — press Use (Ctrl+Return)</source>
        <translation>✓ %1-%2 — „Übernehmen“ drücken (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Paste gradient</source>
        <translation>Gradient einfügen</translation>
    </message>
    <message>
        <source>Upstream gradient set from the text.</source>
        <translation>Upstream-Gradient aus dem Text übernommen.</translation>
    </message>
    <message>
        <source>Paste into %1</source>
        <translation>In %1 einfügen</translation>
    </message>
    <message>
        <source>Pasted a %1 matrix into %2.</source>
        <translation>%1-Matrix in %2 eingefügt.</translation>
    </message>
    <message>
        <source>Paste %1 matrix</source>
        <translation>%1-Matrix einfügen</translation>
    </message>
    <message>
        <source>Pasted a %1 %2.</source>
        <translation>%1-%2 eingefügt.</translation>
    </message>
    <message>
        <source>Random gradient %1…%2, seed %3</source>
        <translation>Zufallsgradient %1…%2, Seed %3</translation>
    </message>
    <message>
        <source>Random integers %1…%2, seed %3</source>
        <translation>Ganze Zufallszahlen %1…%2, Seed %3</translation>
    </message>
    <message>
        <source>Reset gradient to ones</source>
        <translation>Gradient auf Einsen zurücksetzen</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Resize to %1</source>
        <translation>Größe auf %1 ändern</translation>
    </message>
    <message>
        <source>Add channel %1</source>
        <translation>Kanal %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove channel %1</source>
        <translation>Kanal %1 entfernen</translation>
    </message>
    <message>
        <source>Clear gradient cells</source>
        <translation>Gradientenzellen leeren</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n cell(s)</source>
        <translation>
            <numerusform>%n Zelle leeren</numerusform>
            <numerusform>%n Zellen leeren</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Random</source>
        <translation>Neu &amp;würfeln</translation>
    </message>
    <message>
        <source>Fill %1 with random integers from the range, with the seed; the seed then moves on, so the next click draws new numbers</source>
        <translation>%1 mit ganzen Zufallszahlen aus dem Bereich füllen, mit dem Seed; der Seed rückt danach weiter, so zieht der nächste Klick neue Zahlen</translation>
    </message>
    <message>
        <source>%1 pasted tensor</source>
        <translation>Eingefügter %1-Tensor</translation>
    </message>
    <message>
        <source>%1 pasted matrix</source>
        <translation>Eingefügte %1-Matrix</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Sample · channel</source>
        <translation>Probe · Kanal</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Remove channel %1, the one shown</source>
        <translation>Kanal %1 entfernen (den gezeigten)</translation>
    </message>
</context>
<context>
    <name>poolviz::MatrixModel</name>
    <message>
        <source>Input row %1, column %2: %3</source>
        <translation>Eingabe Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Upstream gradient ∂L/∂y at output row %1, column %2: %3</source>
        <translation>Upstream-Gradient ∂L/∂y bei Ausgabe Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>“%1” is not a number: type a value such as 3, -1.5, nan or -inf</source>
        <translation>„%1“ ist keine Zahl: einen Wert wie 3, -1,5, nan oder -inf eintippen</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>poolviz::Message</name>
    <message>
        <source>input %1 is empty: it needs at least one row and one column</source>
        <translation>Eingabe %1 ist leer: sie braucht mindestens eine Zeile und eine Spalte</translation>
    </message>
    <message>
        <source>input %1 = %2 values is above the limit of %3</source>
        <translation>Eingabe %1 = %2 Werte liegt über der Grenze von %3</translation>
    </message>
    <message>
        <source>Lp order p = %1 must be a finite number above 0</source>
        <translation>Lp-Ordnung p = %1 muss eine endliche Zahl über 0 sein</translation>
    </message>
    <message>
        <source>divisor %1 must be at least 1</source>
        <translation>Divisor %1 muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>adaptive output %1 must be at least 1×1</source>
        <translation>adaptive Ausgabe %1 muss mindestens 1×1 sein</translation>
    </message>
    <message>
        <source>kernel %1: every size must be at least 1</source>
        <translation>Kernel %1: jede Größe muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>stride %1: every step must be at least 1</source>
        <translation>Schrittweite %1: jeder Schritt muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>dilation %1: must be at least 1</source>
        <translation>Dilatation %1: muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>padding %1,%2,%3,%4 (top, bottom, left, right) must not be negative</source>
        <translation>Padding %1, %2, %3, %4 (oben, unten, links, rechts) darf nicht negativ sein</translation>
    </message>
    <message>
        <source>kernel %1 is larger than the input %2: no window fits</source>
        <translation>Kernel %1 ist größer als die Eingabe %2: kein Fenster passt</translation>
    </message>
    <message>
        <source>kernel %1 is larger than the padded input %2: no window fits</source>
        <translation>Kernel %1 ist größer als die aufgefüllte Eingabe %2: kein Fenster passt</translation>
    </message>
    <message>
        <source>kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits</source>
        <translation>Kernel %1 mit Dilatation %2 überspannt %3, mehr als die Eingabe %4: kein Fenster passt</translation>
    </message>
    <message>
        <source>kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window fits</source>
        <translation>Kernel %1 mit Dilatation %2 überspannt %3, mehr als die aufgefüllte Eingabe %4: kein Fenster passt</translation>
    </message>
    <message>
        <source>kernel %1 is larger than the input %2: no window fits, even in ceil mode</source>
        <translation>Kernel %1 ist größer als die Eingabe %2: kein Fenster passt, auch nicht im Ceil-Modus</translation>
    </message>
    <message>
        <source>kernel %1 is larger than the padded input %2: no window fits, even in ceil mode</source>
        <translation>Kernel %1 ist größer als die aufgefüllte Eingabe %2: kein Fenster passt, auch nicht im Ceil-Modus</translation>
    </message>
    <message>
        <source>kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits, even in ceil mode</source>
        <translation>Kernel %1 mit Dilatation %2 überspannt %3, mehr als die Eingabe %4: kein Fenster passt, auch nicht im Ceil-Modus</translation>
    </message>
    <message>
        <source>kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window fits, even in ceil mode</source>
        <translation>Kernel %1 mit Dilatation %2 überspannt %3, mehr als die aufgefüllte Eingabe %4: kein Fenster passt, auch nicht im Ceil-Modus</translation>
    </message>
    <message>
        <source>output size %1 is empty for input %2 with kernel %3 and stride %4</source>
        <translation>Ausgabegröße %1 ist leer für die Eingabe %2 mit Kernel %3 und Schrittweite %4</translation>
    </message>
    <message>
        <source>the windows reach rows %1 to %2, beyond the largest supported position %3</source>
        <translation>die Fenster reichen von Zeile %1 bis %2, über die größte unterstützte Position %3 hinaus</translation>
    </message>
    <message>
        <source>the windows reach columns %1 to %2, beyond the largest supported position %3</source>
        <translation>die Fenster reichen von Spalte %1 bis %2, über die größte unterstützte Position %3 hinaus</translation>
    </message>
    <message>
        <source>output would be %1 = %2 values, above the limit of %3</source>
        <translation>die Ausgabe hätte %1 = %2 Werte, über der Grenze von %3</translation>
    </message>
    <message>
        <source>output would be %1 planes of %2 = %3 values, above the limit of %4</source>
        <translation>die Ausgabe hätte %1 Ebenen zu %2 = %3 Werte, über der Grenze von %4</translation>
    </message>
    <message>
        <source>the animation would have %1 steps, above the limit of %2</source>
        <translation>die Animation hätte %1 Schritte, über der Grenze von %2</translation>
    </message>
    <message>
        <source>plane %1 does not exist: the input has %2 plane(s)</source>
        <translation>Ebene %1 gibt es nicht: die Eingabe hat %2 Ebene(n)</translation>
    </message>
    <message>
        <source>the upstream gradient is %1 but the pooled output is %2</source>
        <translation>der Upstream-Gradient ist %1, die gepoolte Ausgabe aber %2</translation>
    </message>
    <message>
        <source>the animation would draw %1 window taps in all, above the limit of %2</source>
        <translation>die Animation zeichnete insgesamt %1 Fensterpositionen, über der Grenze von %2</translation>
    </message>
    <message>
        <source>adaptive output %1 is larger than the input %2: bins repeat input cells</source>
        <translation>adaptive Ausgabe %1 ist größer als die Eingabe %2: Bereiche wiederholen Eingabezellen</translation>
    </message>
    <message>
        <source>the divisor applies to fixed-kernel average pooling only; adaptive pooling ignores it</source>
        <translation>der Divisor gilt nur für Average-Pooling mit festem Kernel; adaptives Pooling ignoriert ihn</translation>
    </message>
    <message>
        <source>%1 of %2 windows hold no input cell: max gives −∞ there</source>
        <translation>%1 von %2 Fenstern enthalten keine Eingabezelle: max ergibt dort −∞</translation>
    </message>
    <message>
        <source>%1 of %2 windows hold no input cell: min gives +∞ there</source>
        <translation>%1 von %2 Fenstern enthalten keine Eingabezelle: min ergibt dort +∞</translation>
    </message>
    <message>
        <source>%1 of %2 windows hold no input cell: they output 0</source>
        <translation>%1 von %2 Fenstern enthalten keine Eingabezelle: sie geben 0 aus</translation>
    </message>
    <message>
        <source>PyTorch refuses padding larger than half the effective kernel (%1 here); ONNX allows it</source>
        <translation>PyTorch lehnt Padding größer als der halbe effektive Kernel ab (hier %1); ONNX erlaubt es</translation>
    </message>
    <message>
        <source>PyTorch pads both sides equally: for padding %1,%2,%3,%4 apply F.pad first (ONNX pads per side)</source>
        <translation>PyTorch füllt beide Seiten gleich auf: für Padding %1, %2, %3, %4 zuerst F.pad anwenden (ONNX füllt je Seite auf)</translation>
    </message>
    <message>
        <source>SAME padding is TensorFlow&apos;s and ONNX&apos;s; PyTorch&apos;s pooling layers have no padding=&apos;same&apos;</source>
        <translation>SAME-Padding gibt es in TensorFlow und ONNX; die Pooling-Schichten von PyTorch haben kein padding=&apos;same&apos;</translation>
    </message>
    <message>
        <source>TensorFlow has no ceil mode: with SAME padding it computes ceil(in/stride) outputs</source>
        <translation>TensorFlow hat keinen Ceil-Modus: mit SAME-Padding berechnet es ceil(in/stride) Ausgaben</translation>
    </message>
    <message>
        <source>PyTorch&apos;s AvgPool2d has no dilation; ONNX AveragePool (opset 19) has</source>
        <translation>AvgPool2d von PyTorch hat keine Dilatation; ONNX AveragePool (Opset 19) schon</translation>
    </message>
    <message>
        <source>PyTorch&apos;s LPPool2d has no padding or dilation; ONNX LpPool has</source>
        <translation>LPPool2d von PyTorch hat weder Padding noch Dilatation; ONNX LpPool schon</translation>
    </message>
    <message>
        <source>PyTorch&apos;s LPPool2d scales a partial ceil-mode window by kh·kw/taps before the root: a window here holds %1 of %2 taps, so PyTorch gives (%2/%1)^(1/p) = %3 times PoolViz&apos;s value (ONNX&apos;s LpPool agrees with PoolViz)</source>
        <translation>LPPool2d von PyTorch skaliert ein angeschnittenes Ceil-Modus-Fenster vor der Wurzel mit kh·kw/Positionen: ein Fenster hier enthält %1 von %2 Positionen, also liefert PyTorch das (%2/%1)^(1/p) = %3-Fache des PoolViz-Werts (LpPool von ONNX stimmt mit PoolViz überein)</translation>
    </message>
    <message>
        <source>No framework has a min-pooling layer: PyTorch computes it as −max_pool2d(−x)</source>
        <translation>Kein Framework hat eine Min-Pooling-Schicht: PyTorch berechnet es als −max_pool2d(−x)</translation>
    </message>
    <message>
        <source>with ceil mode a window runs past the padded input; its overhang is never counted</source>
        <translation>im Ceil-Modus ragt ein Fenster über die aufgefüllte Eingabe hinaus; der Überhang zählt nie mit</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>mehr als %1</translation>
    </message>
    <message>
        <source>No framework has a layer that takes these settings as they are: each needs a workaround, differs or cannot express them; the generated code reproduces them.</source>
        <translation>Kein Framework hat eine Schicht, die diese Einstellungen unverändert übernimmt: jedes braucht einen Umweg, weicht ab oder kann sie nicht ausdrücken; der erzeugte Code rechnet sie nach.</translation>
    </message>
    <message>
        <source>takes these settings: same %1 output, same numbers</source>
        <translation>übernimmt diese Einstellungen: gleiche %1-Ausgabe, gleiche Zahlen</translation>
    </message>
    <message>
        <source>with a workaround (in the generated code): same %1 output, same numbers</source>
        <translation>mit einem Umweg (im erzeugten Code): gleiche %1-Ausgabe, gleiche Zahlen</translation>
    </message>
    <message>
        <source>no pooling function; a recipe gives the same %1 output, same numbers</source>
        <translation>keine Pooling-Funktion; ein Rezept ergibt die gleiche %1-Ausgabe, gleiche Zahlen</translation>
    </message>
    <message>
        <source>%1 of %2 cells differ from PoolViz&apos;s</source>
        <translation>%1 von %2 Zellen weichen von PoolViz ab</translation>
    </message>
    <message>
        <source>some cells may differ from PoolViz&apos;s (see why)</source>
        <translation>einige Zellen können von PoolViz abweichen (siehe Begründung)</translation>
    </message>
    <message>
        <source>cannot express these settings</source>
        <translation>kann diese Einstellungen nicht ausdrücken</translation>
    </message>
    <message>
        <source>no output: %1</source>
        <translation>keine Ausgabe: %1</translation>
    </message>
    <message>
        <source>PyTorch has no min pooling: the code computes −max_pool(−x)</source>
        <translation>PyTorch hat kein Min-Pooling: der Code berechnet −max_pool(−x)</translation>
    </message>
    <message>
        <source>global Lp pooling is nn.LPPool2d with the whole plane as its kernel (there is no AdaptiveLPPool2d)</source>
        <translation>globales Lp-Pooling ist nn.LPPool2d mit der ganzen Ebene als Kernel (es gibt kein AdaptiveLPPool2d)</translation>
    </message>
    <message>
        <source>PyTorch has no adaptive Lp pooling: the code pools each bin [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by hand</source>
        <translation>PyTorch hat kein adaptives Lp-Pooling: der Code poolt jeden Bereich [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) von Hand</translation>
    </message>
    <message>
        <source>PyTorch&apos;s pooling has no padding=&apos;same&apos;, but SAME here is padding %1 on both sides</source>
        <translation>das Pooling von PyTorch hat kein padding=&apos;same&apos;, aber SAME ist hier Padding %1 auf beiden Seiten</translation>
    </message>
    <message>
        <source>PyTorch&apos;s pooling has no padding=&apos;same&apos;, but SAME here is padding %1 on both sides, never counted</source>
        <translation>das Pooling von PyTorch hat kein padding=&apos;same&apos;, aber SAME ist hier Padding %1 auf beiden Seiten, nie mitgezählt</translation>
    </message>
    <message>
        <source>PyTorch&apos;s pooling has no padding=&apos;same&apos;: the code pads SAME&apos;s %1,%2,%3,%4 (top, bottom, left, right) with F.pad first</source>
        <translation>das Pooling von PyTorch hat kein padding=&apos;same&apos;: der Code füllt zuerst das SAME-Padding %1, %2, %3, %4 (oben, unten, links, rechts) mit F.pad auf</translation>
    </message>
    <message>
        <source>PyTorch pads both sides equally: padding %1,%2,%3,%4 goes through F.pad first</source>
        <translation>PyTorch füllt beide Seiten gleich auf: Padding %1, %2, %3, %4 läuft zuerst durch F.pad</translation>
    </message>
    <message>
        <source>PyTorch refuses padding %1 larger than half the kernel %2 (&quot;pad should be at most half of kernel size&quot;): F.pad first</source>
        <translation>PyTorch lehnt Padding %1 größer als der halbe Kernel %2 ab („pad should be at most half of kernel size“): zuerst F.pad</translation>
    </message>
    <message>
        <source>after F.pad, ceil mode&apos;s last-window rule sees the padded input and would give %1, not %2: the code pads the overhang itself</source>
        <translation>nach F.pad sieht die Letztes-Fenster-Regel des Ceil-Modus die aufgefüllte Eingabe und ergäbe %1 statt %2: der Code füllt den Überhang selbst auf</translation>
    </message>
    <message>
        <source>count_include_pad=False cannot see padding added by F.pad: the code divides each window&apos;s sum by its in-input count</source>
        <translation>count_include_pad=False sieht kein mit F.pad hinzugefügtes Padding: der Code teilt die Summe jedes Fensters durch die Zahl seiner Eingabezellen</translation>
    </message>
    <message>
        <source>LPPool2d has no padding or dilation: the code sums |x|^p over the taps of F.unfold</source>
        <translation>LPPool2d hat weder Padding noch Dilatation: der Code summiert |x|^p über die Positionen von F.unfold</translation>
    </message>
    <message>
        <source>AvgPool2d has no dilation: the code averages the taps of F.unfold with dilation %1</source>
        <translation>AvgPool2d hat keine Dilatation: der Code mittelt die Positionen von F.unfold mit Dilatation %1</translation>
    </message>
    <message>
        <source>SAME never counts its padding (TensorFlow&apos;s rule): the code divides by the in-input count of each window</source>
        <translation>SAME zählt sein Padding nie mit (Regel von TensorFlow): der Code teilt durch die Zahl der Eingabezellen jedes Fensters</translation>
    </message>
    <message>
        <source>LPPool2d computes avg_pool2d(x^p)·(kh·kw), then ^(1/p): a ceil-mode window holding n of its kh·kw = %1 taps is scaled by (kh·kw/n)^(1/p); PoolViz sums the taps it holds (ONNX&apos;s LpPool)</source>
        <translation>LPPool2d berechnet avg_pool2d(x^p)·(kh·kw), dann ^(1/p): ein Ceil-Modus-Fenster mit n seiner kh·kw = %1 Positionen wird mit (kh·kw/n)^(1/p) skaliert; PoolViz summiert die Positionen, die es enthält (wie LpPool von ONNX)</translation>
    </message>
    <message>
        <source>LPPool2d raises x to p keeping its sign (negative for odd p, NaN for fractional p); PoolViz uses |x|^p</source>
        <translation>LPPool2d potenziert x mit p unter Beibehaltung des Vorzeichens (negativ für ungerades p, NaN für gebrochenes p); PoolViz verwendet |x|^p</translation>
    </message>
    <message>
        <source>TensorFlow has no min pooling: the code computes −max_pool2d(−x)</source>
        <translation>TensorFlow hat kein Min-Pooling: der Code berechnet −max_pool2d(−x)</translation>
    </message>
    <message>
        <source>TensorFlow has no Lp pooling: the code sums |x|^p over tf.image.extract_patches, then takes the p-th root</source>
        <translation>TensorFlow hat kein Lp-Pooling: der Code summiert |x|^p über tf.image.extract_patches und zieht dann die p-te Wurzel</translation>
    </message>
    <message>
        <source>TensorFlow has no adaptive pooling: the code pools each bin [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by hand</source>
        <translation>TensorFlow hat kein adaptives Pooling: der Code poolt jeden Bereich [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) von Hand</translation>
    </message>
    <message>
        <source>TensorFlow&apos;s SAME puts the odd padding row and column at the bottom/right; SAME_LOWER&apos;s %1,%2,%3,%4 goes through tf.pad, then VALID</source>
        <translation>SAME in TensorFlow legt die ungerade Padding-Zeile und -Spalte nach unten/rechts; das SAME_LOWER-Padding %1, %2, %3, %4 läuft durch tf.pad, dann VALID</translation>
    </message>
    <message>
        <source>TensorFlow pools with SAME or VALID only: padding %1,%2,%3,%4 goes through tf.pad, then VALID</source>
        <translation>TensorFlow poolt nur mit SAME oder VALID: Padding %1, %2, %3, %4 läuft durch tf.pad, dann VALID</translation>
    </message>
    <message>
        <source>TensorFlow pools with SAME or VALID only: padding %1,%2,%3,%4 goes through tf.pad, then VALID (dividing by the in-input count, as count_include_pad = False asks)</source>
        <translation>TensorFlow poolt nur mit SAME oder VALID: Padding %1, %2, %3, %4 läuft durch tf.pad, dann VALID (geteilt durch die Zahl der Eingabezellen, wie count_include_pad = False verlangt)</translation>
    </message>
    <message>
        <source>TensorFlow has no ceil mode: VALID would give %1, not %2; the code pads the overhang, which never counts</source>
        <translation>TensorFlow hat keinen Ceil-Modus: VALID ergäbe %1 statt %2; der Code füllt den Überhang auf, der nie mitzählt</translation>
    </message>
    <message>
        <source>TensorFlow has no ceil mode: VALID would give no output (a window is larger than the padded input), not %1; the code pads the overhang, which never counts</source>
        <translation>TensorFlow hat keinen Ceil-Modus: VALID ergäbe keine Ausgabe (ein Fenster ist größer als die aufgefüllte Eingabe) statt %1; der Code füllt den Überhang auf, der nie mitzählt</translation>
    </message>
    <message>
        <source>ceil mode plays no part: SAME gives ⌈in/stride⌉ outputs</source>
        <translation>der Ceil-Modus spielt keine Rolle: SAME ergibt ⌈in/stride⌉ Ausgaben</translation>
    </message>
    <message>
        <source>tf.nn.%1_pool2d has no dilation (tf.nn.pool has, with stride 1 only): the code pools tf.image.extract_patches with rates %2</source>
        <translation>tf.nn.%1_pool2d hat keine Dilatation (tf.nn.pool schon, aber nur mit Schrittweite 1): der Code poolt tf.image.extract_patches mit rates %2</translation>
    </message>
    <message>
        <source>TensorFlow has no divisor_override: the code sums each window and divides by %1</source>
        <translation>TensorFlow hat kein divisor_override: der Code summiert jedes Fenster und teilt durch %1</translation>
    </message>
    <message>
        <source>tf.nn.max_pool_with_argmax numbers NHWC: ((b·H + y)·W + x)·C + c; for one channel that is PoolViz&apos;s y·W + x</source>
        <translation>tf.nn.max_pool_with_argmax nummeriert NHWC: ((b·H + y)·W + x)·C + c; für einen Kanal ist das y·W + x wie in PoolViz</translation>
    </message>
    <message>
        <source>ONNX has no min pooling: the graph is Neg → MaxPool → Neg</source>
        <translation>ONNX hat kein Min-Pooling: der Graph ist Neg → MaxPool → Neg</translation>
    </message>
    <message>
        <source>LpPool&apos;s p is an integer attribute: p = %1 cannot be expressed</source>
        <translation>das p von LpPool ist ein ganzzahliges Attribut: p = %1 lässt sich nicht ausdrücken</translation>
    </message>
    <message>
        <source>ONNX has only global pooling (GlobalMaxPool, GlobalAveragePool, GlobalLpPool), no adaptive bins</source>
        <translation>ONNX hat nur globales Pooling (GlobalMaxPool, GlobalAveragePool, GlobalLpPool), keine adaptiven Bereiche</translation>
    </message>
    <message>
        <source>%1 takes dilations from opset %2 on</source>
        <translation>%1 nimmt dilations ab Opset %2</translation>
    </message>
    <message>
        <source>LpPool takes ceil_mode from opset 18 on</source>
        <translation>LpPool nimmt ceil_mode ab Opset 18</translation>
    </message>
    <message>
        <source>with ceil_mode the older ONNX formula ⌈(in + pads − ek)/s⌉ + 1 gives %1; the spec since ONNX 1.16 drops a last window that would start in the end padding, as PyTorch and PoolViz do (%2): runtimes may differ</source>
        <translation>mit ceil_mode ergibt die ältere ONNX-Formel ⌈(in + pads − ek)/s⌉ + 1 %1; die Spezifikation seit ONNX 1.16 lässt ein letztes Fenster weg, das im End-Padding beginnen würde, wie PyTorch und PoolViz (%2): Laufzeitumgebungen können abweichen</translation>
    </message>
    <message>
        <source>AveragePool has no divisor_override: the graph multiplies its count_include_pad=1 result by count / %1 per cell</source>
        <translation>AveragePool hat kein divisor_override: der Graph multipliziert sein Ergebnis mit count_include_pad=1 je Zelle mit Anzahl / %1</translation>
    </message>
    <message>
        <source>adaptive bins [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by slicing</source>
        <translation>adaptive Bereiche [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) per Slicing</translation>
    </message>
    <message>
        <source>the windows tile the input exactly, so a reshape into %1 blocks pools it</source>
        <translation>die Fenster kacheln die Eingabe genau, also poolt ein Reshape in %1-Blöcke sie</translation>
    </message>
    <message>
        <source>strided view of the padded input: every stride-th window, every dilation-th tap, with a mask that tells input, padding and overhang apart</source>
        <translation>Strided View der aufgefüllten Eingabe: jedes stride-te Fenster, jede dilation-te Position, mit einer Maske, die Eingabe, Padding und Überhang unterscheidet</translation>
    </message>
    <message>
        <source>This window holds %1 of the kernel&apos;s %2 taps: PyTorch&apos;s LPPool2d computes (%3 · %2/%1)%4 = %5, PoolViz (%3)%4 = %6 (ONNX&apos;s LpPool)</source>
        <translation>Dieses Fenster enthält %1 der %2 Kernel-Positionen: LPPool2d von PyTorch berechnet (%3 · %2/%1)%4 = %5, PoolViz (%3)%4 = %6 (wie LpPool von ONNX)</translation>
    </message>
    <message>
        <source>PyTorch&apos;s LPPool2d raises x to p keeping its sign: it gives %1 here, PoolViz (Σ|x|^p)%2 = %3</source>
        <translation>LPPool2d von PyTorch potenziert x mit p unter Beibehaltung des Vorzeichens: es ergibt hier %1, PoolViz (Σ|x|^p)%2 = %3</translation>
    </message>
    <message>
        <source>(no adaptive Lp layer)</source>
        <translation>(keine adaptive Lp-Schicht)</translation>
    </message>
    <message>
        <source>(no adaptive pooling)</source>
        <translation>(kein adaptives Pooling)</translation>
    </message>
    <message>
        <source>(no Lp pooling)</source>
        <translation>(kein Lp-Pooling)</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 (in &quot;%2&quot;)</source>
        <translation>%1 (in „%2“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
    <message>
        <source>a %1 array would hold %2 values, above the limit of %3</source>
        <translation>ein %1-Array hätte %2 Werte, über der Grenze von %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large for a 32-bit float (largest 3.4028235e+38)</source>
        <translation>„%1“ ist zu groß für eine 32-Bit-Gleitkommazahl (höchstens 3,4028235e+38)</translation>
    </message>
    <message>
        <source>&quot;...&quot; marks a shortened NumPy print; print the whole array with np.set_printoptions(threshold=sys.maxsize)</source>
        <translation>„...“ kennzeichnet eine gekürzte NumPy-Ausgabe; das ganze Array mit np.set_printoptions(threshold=sys.maxsize) ausgeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>empty cell before the first value</source>
        <translation>leere Zelle vor dem ersten Wert</translation>
    </message>
    <message>
        <source>empty cell: two separators with no value between them</source>
        <translation>leere Zelle: zwei Trennzeichen ohne Wert dazwischen</translation>
    </message>
    <message>
        <source>unterminated quote</source>
        <translation>Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after a quoted cell</source>
        <translation>unerwartetes „%1“ nach einer Zelle in Anführungszeichen</translation>
    </message>
    <message>
        <source>row %1 has %2 value, but row 1 has %3</source>
        <translation>Zeile %1 hat %2 Wert, Zeile 1 aber %3</translation>
    </message>
    <message>
        <source>row %1 has %2 values, but row 1 has %3</source>
        <translation>Zeile %1 hat %2 Werte, Zeile 1 aber %3</translation>
    </message>
    <message>
        <source>too many rows</source>
        <translation>zu viele Zeilen</translation>
    </message>
    <message>
        <source>no numbers found</source>
        <translation>keine Zahlen gefunden</translation>
    </message>
    <message>
        <source>too many values in a row</source>
        <translation>zu viele Werte in einer Zeile</translation>
    </message>
    <message>
        <source>unbalanced brackets: &quot;%1&quot; has no matching &quot;%2&quot;</source>
        <translation>unausgeglichene Klammern: zu „%1“ fehlt das passende „%2“</translation>
    </message>
    <message>
        <source>unbalanced brackets: &quot;%1&quot; does not match &quot;%2&quot; at line %3, column %4</source>
        <translation>unausgeglichene Klammern: „%1“ passt nicht zu „%2“ in Zeile %3, Spalte %4</translation>
    </message>
    <message>
        <source>unbalanced brackets: &quot;%1&quot; is never closed</source>
        <translation>unausgeglichene Klammern: „%1“ wird nie geschlossen</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the closing &quot;]&quot;</source>
        <translation>unerwartetes „%1“ nach der schließenden „]“</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; before the opening &quot;[&quot;</source>
        <translation>unerwartetes „%1“ vor der öffnenden „[“</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: numbers and nested lists are mixed at the same level</source>
        <translation>„%1“: Zahlen und verschachtelte Listen sind auf derselben Ebene gemischt</translation>
    </message>
    <message>
        <source>numbers and nested lists are mixed at the same level</source>
        <translation>Zahlen und verschachtelte Listen sind auf derselben Ebene gemischt</translation>
    </message>
    <message>
        <source>empty value: &quot;,&quot; with no value before it</source>
        <translation>leerer Wert: „,“ ohne Wert davor</translation>
    </message>
    <message>
        <source>nested too deeply: PoolViz reads arrays of 2 to 4 dimensions</source>
        <translation>zu tief verschachtelt: PoolViz liest Arrays mit 2 bis 4 Dimensionen</translation>
    </message>
    <message>
        <source>matrix has %1 row, but matrix 1 has %2</source>
        <translation>Matrix hat %1 Zeile, Matrix 1 aber %2</translation>
    </message>
    <message>
        <source>matrix has %1 rows, but matrix 1 has %2</source>
        <translation>Matrix hat %1 Zeilen, Matrix 1 aber %2</translation>
    </message>
    <message>
        <source>sample has %1 channel, but sample 1 has %2</source>
        <translation>Sample hat %1 Kanal, Sample 1 aber %2</translation>
    </message>
    <message>
        <source>sample has %1 channels, but sample 1 has %2</source>
        <translation>Sample hat %1 Kanäle, Sample 1 aber %2</translation>
    </message>
    <message>
        <source>list has %1 element, but the first list at this depth has %2</source>
        <translation>Liste hat %1 Element, die erste Liste auf dieser Ebene aber %2</translation>
    </message>
    <message>
        <source>list has %1 elements, but the first list at this depth has %2</source>
        <translation>Liste hat %1 Elemente, die erste Liste auf dieser Ebene aber %2</translation>
    </message>
    <message>
        <source>unexpected &quot;;&quot; inside nested brackets; write rows as [[1, 2], [3, 4]]</source>
        <translation>unerwartetes „;“ in verschachtelten Klammern; Zeilen als [[1, 2], [3, 4]] schreiben</translation>
    </message>
    <message>
        <source>dimension too large: %1</source>
        <translation>Dimension zu groß: %1</translation>
    </message>
    <message>
        <source>the nested lists do not form a rectangular array</source>
        <translation>die verschachtelten Listen bilden kein rechteckiges Array</translation>
    </message>
    <message>
        <source>not enough memory to read %1 bytes of text</source>
        <translation>nicht genug Speicher, um %1 Bytes Text zu lesen</translation>
    </message>
    <message>
        <source>structured dtypes are not supported (descr %1)</source>
        <translation>strukturierte dtypes werden nicht unterstützt (descr %1)</translation>
    </message>
    <message>
        <source>the .npy header has no &apos;%1&apos;: %2</source>
        <translation>dem .npy-Header fehlt &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>malformed .npy header: %1</source>
        <translation>fehlerhafter .npy-Header: %1</translation>
    </message>
    <message>
        <source>not a .npy file: it starts with %1 instead of b&apos;\x93NUMPY&apos;</source>
        <translation>keine .npy-Datei: sie beginnt mit %1 statt mit b&apos;\x93NUMPY&apos;</translation>
    </message>
    <message>
        <source>truncated .npy file: it ends after %1 byte, inside the 10-byte prefix</source>
        <translation>abgeschnittene .npy-Datei: sie endet nach %1 Byte, innerhalb des 10-Byte-Präfixes</translation>
    </message>
    <message>
        <source>truncated .npy file: it ends after %1 bytes, inside the 10-byte prefix</source>
        <translation>abgeschnittene .npy-Datei: sie endet nach %1 Bytes, innerhalb des 10-Byte-Präfixes</translation>
    </message>
    <message>
        <source>truncated .npy file: it ends after %1 bytes, inside the prefix</source>
        <translation>abgeschnittene .npy-Datei: sie endet nach %1 Bytes, innerhalb des Präfixes</translation>
    </message>
    <message>
        <source>unsupported .npy format version %1.%2 (PoolViz reads 1.0, 2.0 and 3.0)</source>
        <translation>nicht unterstützte .npy-Formatversion %1.%2 (PoolViz liest 1.0, 2.0 und 3.0)</translation>
    </message>
    <message>
        <source>truncated .npy file: it ends after %1 bytes, inside the %2-byte prefix</source>
        <translation>abgeschnittene .npy-Datei: sie endet nach %1 Bytes, innerhalb des %2-Byte-Präfixes</translation>
    </message>
    <message>
        <source>truncated .npy header: it declares %1 byte, but the file has only %2 after the prefix</source>
        <translation>abgeschnittener .npy-Header: er gibt %1 Byte an, die Datei hat nach dem Präfix aber nur %2</translation>
    </message>
    <message>
        <source>truncated .npy header: it declares %1 bytes, but the file has only %2 after the prefix</source>
        <translation>abgeschnittener .npy-Header: er gibt %1 Bytes an, die Datei hat nach dem Präfix aber nur %2</translation>
    </message>
    <message>
        <source>big-endian data (&apos;%1&apos;) is not supported; convert with a.astype(&apos;%2&apos;)</source>
        <translation>Big-Endian-Daten (&apos;%1&apos;) werden nicht unterstützt; mit a.astype(&apos;%2&apos;) umwandeln</translation>
    </message>
    <message>
        <source>unsupported dtype &apos;%1&apos; (PoolViz reads &apos;&lt;f4&apos;, &apos;&lt;f8&apos;, &apos;|u1&apos;, &apos;&lt;i4&apos; and &apos;&lt;i8&apos;)</source>
        <translation>nicht unterstützter dtype &apos;%1&apos; (PoolViz liest &apos;&lt;f4&apos;, &apos;&lt;f8&apos;, &apos;|u1&apos;, &apos;&lt;i4&apos; und &apos;&lt;i8&apos;)</translation>
    </message>
    <message>
        <source>fortran_order is True: Fortran-order arrays are not supported; save with np.ascontiguousarray</source>
        <translation>fortran_order ist True: Arrays in Fortran-Reihenfolge werden nicht unterstützt; mit np.ascontiguousarray speichern</translation>
    </message>
    <message>
        <source>unsupported shape %1: PoolViz reads arrays of rank 2 to 4, this one has rank %2</source>
        <translation>nicht unterstützte Form %1: PoolViz liest Arrays vom Rang 2 bis 4, dieses hat Rang %2</translation>
    </message>
    <message>
        <source>shape %1 is too large</source>
        <translation>Form %1 ist zu groß</translation>
    </message>
    <message>
        <source>shape %1 has %2 planes, more than %3</source>
        <translation>Form %1 hat %2 Ebenen, mehr als %3</translation>
    </message>
    <message>
        <source>shape %1 holds %2 values, above the limit of %3</source>
        <translation>Form %1 enthält %2 Werte, über der Grenze von %3</translation>
    </message>
    <message>
        <source>file holds %1 byte of data, shape %2 needs %3</source>
        <translation>die Datei enthält %1 Byte Daten, Form %2 braucht %3</translation>
    </message>
    <message>
        <source>file holds %1 bytes of data, shape %2 needs %3</source>
        <translation>die Datei enthält %1 Bytes Daten, Form %2 braucht %3</translation>
    </message>
    <message>
        <source>value %1 at flat index %2 is too large for a 32-bit float (largest 3.4028235e+38)</source>
        <translation>Wert %1 an flachem Index %2 ist zu groß für eine 32-Bit-Gleitkommazahl (höchstens 3,4028235e+38)</translation>
    </message>
    <message>
        <source>%1 value %2 at index %3 is read as %4: 32-bit floats hold whole numbers exactly only up to 2^24 = 16777216 (%5 value of %6 changed)</source>
        <translation>%1-Wert %2 an Index %3 wird als %4 gelesen: 32-Bit-Gleitkommazahlen halten ganze Zahlen nur bis 2^24 = 16777216 exakt (%5 Wert von %6 geändert)</translation>
    </message>
    <message>
        <source>%1 value %2 at index %3 is read as %4: 32-bit floats hold whole numbers exactly only up to 2^24 = 16777216 (%5 values of %6 changed)</source>
        <translation>%1-Wert %2 an Index %3 wird als %4 gelesen: 32-Bit-Gleitkommazahlen halten ganze Zahlen nur bis 2^24 = 16777216 exakt (%5 Werte von %6 geändert)</translation>
    </message>
    <message>
        <source>not enough memory for the array</source>
        <translation>nicht genug Speicher für das Array</translation>
    </message>
    <message>
        <source>argmax indices must be int64 (&apos;&lt;i8&apos;) or int32 (&apos;&lt;i4&apos;), not &apos;%1&apos;</source>
        <translation>Argmax-Indizes müssen int64 (&apos;&lt;i8&apos;) oder int32 (&apos;&lt;i4&apos;) sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot read &quot;%1&quot;: %2</source>
        <translation>„%1“ lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>the file is larger than 128 MiB, more than PoolViz reads as text (save large arrays as .npy)</source>
        <translation>die Datei ist größer als 128 MiB, mehr als PoolViz als Text liest (große Arrays als .npy speichern)</translation>
    </message>
    <message>
        <source>the file is larger than %1 bytes, more than an array of at most %2 values (the limit) needs</source>
        <translation>die Datei ist größer als %1 Bytes, mehr als ein Array von höchstens %2 Werten (der Grenze) braucht</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a %2 array; a CSV file holds one 2-D matrix</source>
        <translation>„%1“ enthält ein %2-Array; eine CSV-Datei enthält eine 2-D-Matrix</translation>
    </message>
    <message>
        <source>it holds no values (shape %1)</source>
        <translation>sie enthält keine Werte (Form %1)</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>„%1“ lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: not enough memory</source>
        <translation>„%1“ lässt sich nicht schreiben: nicht genug Speicher</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: the tensor %2 has no plane</source>
        <translation>„%1“ lässt sich nicht schreiben: der Tensor %2 hat keine Ebene</translation>
    </message>
    <message>
        <source>cannot write a file with an empty name</source>
        <translation>eine Datei ohne Namen lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: it names a folder, not a file</source>
        <translation>„%1“ lässt sich nicht schreiben: der Name bezeichnet einen Ordner, keine Datei</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: no free temporary file name in its folder</source>
        <translation>„%1“ lässt sich nicht schreiben: kein freier temporärer Dateiname in seinem Ordner</translation>
    </message>
    <message>
        <source>adaptive pooling has no rounding: its bins always cover the input</source>
        <translation>adaptives Pooling rundet nicht: seine Bereiche decken die Eingabe immer ab</translation>
    </message>
    <message>
        <source>SAME padding always gives ⌈in / stride⌉ outputs (TensorFlow&apos;s rule), so ceil mode has no effect</source>
        <translation>SAME-Padding ergibt immer ⌈in / stride⌉ Ausgaben (Regel von TensorFlow), der Ceil-Modus wirkt also nicht</translation>
    </message>
    <message>
        <source>count_include_pad sets the divisor of average pooling; %1 pooling has no divisor</source>
        <translation>count_include_pad legt den Divisor des Mittelwert-Poolings fest; %1-Pooling hat keinen Divisor</translation>
    </message>
    <message>
        <source>adaptive bins hold input cells only, so there is no padding to count</source>
        <translation>adaptive Bereiche enthalten nur Eingabezellen, es gibt also kein Padding zu zählen</translation>
    </message>
    <message>
        <source>the divisor override replaces the count, so count_include_pad has no effect</source>
        <translation>der feste Divisor ersetzt die Anzahl, count_include_pad wirkt also nicht</translation>
    </message>
    <message>
        <source>SAME padding is never counted (TensorFlow&apos;s rule), so count_include_pad has no effect</source>
        <translation>SAME-Padding zählt nie mit (Regel von TensorFlow), count_include_pad wirkt also nicht</translation>
    </message>
    <message>
        <source>VALID has no padding to count</source>
        <translation>VALID hat kein Padding, das mitzählen könnte</translation>
    </message>
    <message>
        <source>the divisor override applies to average pooling; %1 pooling has no divisor</source>
        <translation>der feste Divisor gilt für Mittelwert-Pooling; %1-Pooling hat keinen Divisor</translation>
    </message>
    <message>
        <source>adaptive pooling divides by the size of each bin (PyTorch has no divisor_override for it)</source>
        <translation>adaptives Pooling teilt durch die Größe jedes Bereichs (PyTorch hat dafür kein divisor_override)</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: it is a device, pipe or socket, not a regular file (PoolViz replaces an output file whole)</source>
        <translation>„%1“ lässt sich nicht schreiben: es ist ein Gerät, eine Pipe oder ein Socket, keine gewöhnliche Datei (PoolViz ersetzt eine Ausgabedatei als Ganzes)</translation>
    </message>
</context>
<context>
    <name>poolviz::ParameterPanel</name>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Lp norm</source>
        <translation>Lp-Norm</translation>
    </message>
    <message>
        <source>What each window computes from its values</source>
        <translation>Was jedes Fenster aus seinen Werten berechnet</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <source>Adaptive (output size)</source>
        <translation>Adaptiv (Ausgabegröße)</translation>
    </message>
    <message>
        <source>Global (1×1)</source>
        <translation>Global (1×1)</translation>
    </message>
    <message>
        <source>Sliding: kernel and stride decide the output size.
Adaptive: you choose the output size and the windows follow (AdaptiveMaxPool2d / AdaptiveAvgPool2d).
Global: one window over the whole input.</source>
        <translation>Gleitend: Kernel und Schrittweite bestimmen die Ausgabegröße.
Adaptiv: Sie wählen die Ausgabegröße, die Fenster folgen (AdaptiveMaxPool2d / AdaptiveAvgPool2d).
Global: ein Fenster über die ganze Eingabe.</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>Order p of the Lp norm (Σ|x|^p)^(1/p): 1 sums magnitudes, 2 is the Euclidean norm, large p approaches max</source>
        <translation>Ordnung p der Lp-Norm (Σ|x|^p)^(1/p): 1 summiert Beträge, 2 ist die euklidische Norm, großes p nähert sich dem Maximum</translation>
    </message>
    <message>
        <source>&amp;p</source>
        <translation>&amp;p</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>&amp;Kernel</source>
        <translation>&amp;Kernel</translation>
    </message>
    <message>
        <source>= kernel</source>
        <translation>= Kernel</translation>
    </message>
    <message>
        <source>Stride defaults to the kernel size (PyTorch&apos;s default)</source>
        <translation>Die Schrittweite ist standardmäßig die Kernelgröße (Vorgabe von PyTorch)</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>&amp;Stride</source>
        <translation>&amp;Schrittweite</translation>
    </message>
    <message>
        <source>Explicit</source>
        <translation>Explizit</translation>
    </message>
    <message>
        <source>SAME (TensorFlow)</source>
        <translation>SAME (TensorFlow)</translation>
    </message>
    <message>
        <source>SAME_LOWER (ONNX)</source>
        <translation>SAME_LOWER (ONNX)</translation>
    </message>
    <message>
        <source>VALID (none)</source>
        <translation>VALID (keins)</translation>
    </message>
    <message>
        <source>Explicit: choose each side.
SAME: output = ⌈in / stride⌉, the odd extra row/column at the bottom/right.
SAME_LOWER: the extra one at the top/left.
VALID: no padding.</source>
        <translation>Explizit: jede Seite einzeln wählen.
SAME: Ausgabe = ⌈Eingabe / Schrittweite⌉, die ungerade zusätzliche Zeile/Spalte unten/rechts.
SAME_LOWER: die zusätzliche oben/links.
VALID: kein Padding.</translation>
    </message>
    <message>
        <source>&amp;Padding</source>
        <translation>&amp;Padding</translation>
    </message>
    <message>
        <source>top</source>
        <translation>oben</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>Padding cells added at the %1</source>
        <translation>Padding-Zellen %1</translation>
    </message>
    <message>
        <source>Padding %1</source>
        <translation>Padding %1</translation>
    </message>
    <message>
        <source>all four sides</source>
        <translation>an allen vier Seiten</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>Dilatation</translation>
    </message>
    <message>
        <source>Gap between the taps of a window: dilation d spreads a k-wide kernel over d·(k−1)+1 cells</source>
        <translation>Abstand zwischen den Abgriffen eines Fensters: Dilatation d verteilt einen k breiten Kernel auf d·(k−1)+1 Zellen</translation>
    </message>
    <message>
        <source>&amp;Dilation</source>
        <translation>&amp;Dilatation</translation>
    </message>
    <message>
        <source>Ceil mode (keep a partial last window)</source>
        <translation>Ceil-Modus (Teilfenster behalten)</translation>
    </message>
    <message>
        <source>Round the output size up: a last window that overhangs the input is kept if it starts inside the input or the leading padding</source>
        <translation>Die Ausgabegröße aufrunden: ein letztes Fenster, das über die Eingabe hinausragt, bleibt, wenn es in der Eingabe oder im vorderen Padding beginnt</translation>
    </message>
    <message>
        <source>Count padding in the average</source>
        <translation>Padding im Mittelwert mitzählen</translation>
    </message>
    <message>
        <source>count_include_pad: divide by the window size including padded cells (PyTorch&apos;s default) or only by the input cells it covers</source>
        <translation>count_include_pad: durch die Fenstergröße samt Padding-Zellen teilen (Vorgabe von PyTorch) oder nur durch die Eingabezellen, die es überdeckt</translation>
    </message>
    <message>
        <source>Divisor override</source>
        <translation>Divisor vorgeben</translation>
    </message>
    <message>
        <source>divisor_override: divide every window&apos;s sum by this number</source>
        <translation>divisor_override: die Summe jedes Fensters durch diese Zahl teilen</translation>
    </message>
    <message>
        <source>Divisor</source>
        <translation>Divisor</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Target size</source>
        <translation>&amp;Zielgröße</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>Ausgabegröße</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Mode %1</source>
        <translation>Modus %1</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>Fenster %1</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>Kernel %1×%2</source>
        <translation>Kernel %1×%2</translation>
    </message>
    <message>
        <source>Stride = kernel</source>
        <translation>Schrittweite = Kernel</translation>
    </message>
    <message>
        <source>Stride %1×%2</source>
        <translation>Schrittweite %1×%2</translation>
    </message>
    <message>
        <source>Dilation %1×%2</source>
        <translation>Dilatation %1×%2</translation>
    </message>
    <message>
        <source>Ceil mode on</source>
        <translation>Ceil-Modus an</translation>
    </message>
    <message>
        <source>Ceil mode off</source>
        <translation>Ceil-Modus aus</translation>
    </message>
    <message>
        <source>Count padding</source>
        <translation>Padding mitzählen</translation>
    </message>
    <message>
        <source>Exclude padding</source>
        <translation>Padding nicht mitzählen</translation>
    </message>
    <message>
        <source>Divisor %1</source>
        <translation>Divisor %1</translation>
    </message>
    <message>
        <source>No divisor override</source>
        <translation>Kein vorgegebener Divisor</translation>
    </message>
    <message>
        <source>Adaptive output %1×%2</source>
        <translation>Adaptive Ausgabe %1×%2</translation>
    </message>
    <message>
        <source>Padding %1,%2,%3,%4</source>
        <translation>Padding %1,%2,%3,%4</translation>
    </message>
    <message>
        <source>%1×%2 input → %3×%4 output</source>
        <translation>%1×%2-Eingabe → %3×%4-Ausgabe</translation>
    </message>
    <message>
        <source>%1×%2 input → no output</source>
        <translation>%1×%2-Eingabe → keine Ausgabe</translation>
    </message>
    <message>
        <source>&lt;b&gt;rows:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;columns:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Zeilen:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Spalten:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Resolved: top %1, bottom %2, left %3, right %4</source>
        <translation>Aufgelöst: oben %1, unten %2, links %3, rechts %4</translation>
    </message>
    <message>
        <source>&lt;i&gt;No further notes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine weiteren Hinweise.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No warnings: nothing here that PyTorch or TensorFlow would refuse.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Warnungen: nichts, was PyTorch oder TensorFlow ablehnen würde.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1

No effect here: %2</source>
        <translation>%1

Hier ohne Wirkung: %2</translation>
    </message>
    <message>
        <source>Resolved for the %1×%2 photo: top %3, bottom %4, left %5, right %6 → %7×%8 output</source>
        <translation>Aufgelöst für das %1×%2-Foto: oben %3, unten %4, links %5, rechts %6 → %7×%8-Ausgabe</translation>
    </message>
</context>
<context>
    <name>poolviz::ParamsText</name>
    <message>
        <source>global %1</source>
        <translation>globales %1</translation>
    </message>
    <message>
        <source>adaptive %1 to %2</source>
        <translation>adaptives %1 auf %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>stride %1</source>
        <translation>Schrittweite %1</translation>
    </message>
    <message>
        <source>SAME padding</source>
        <translation>SAME-Padding</translation>
    </message>
    <message>
        <source>SAME_LOWER padding</source>
        <translation>SAME_LOWER-Padding</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation>Padding %1</translation>
    </message>
    <message>
        <source>padding %1,%2,%3,%4</source>
        <translation>Padding %1,%2,%3,%4</translation>
    </message>
    <message>
        <source>dilation %1</source>
        <translation>Dilatation %1</translation>
    </message>
    <message>
        <source>ceil mode</source>
        <translation>Ceil-Modus</translation>
    </message>
    <message>
        <source>divisor %1</source>
        <translation>Divisor %1</translation>
    </message>
    <message>
        <source>excluding padding</source>
        <translation>ohne Padding im Divisor</translation>
    </message>
</context>
<context>
    <name>poolviz::PhotoDocument</name>
    <message>
        <source>cannot read image &quot;%1&quot;: the JPEG data stops before its end marker (the file is truncated)</source>
        <translation>Bild „%1“ kann nicht gelesen werden: die JPEG-Daten enden vor ihrer Endmarke (die Datei ist abgeschnitten)</translation>
    </message>
    <message>
        <source>“%1” holds no image.</source>
        <translation>„%1“ enthält kein Bild.</translation>
    </message>
    <message>
        <source>Pooling cancelled; the views keep the last complete result.</source>
        <translation>Pooling abgebrochen; die Ansichten behalten das letzte vollständige Ergebnis.</translation>
    </message>
    <message>
        <source>A and B share no pixel to compare.</source>
        <translation>A und B haben kein gemeinsames Pixel zum Vergleichen.</translation>
    </message>
    <message>
        <source>A and B are equal everywhere%1.</source>
        <translation>A und B sind überall gleich%1.</translation>
    </message>
    <message>
        <source> (compared on the photo&apos;s pixels)</source>
        <translation> (verglichen auf den Pixeln des Fotos)</translation>
    </message>
    <message>
        <source> (channel %1)</source>
        <translation> (Kanal %1)</translation>
    </message>
    <message>
        <source>Largest difference %1 at row %2, column %3%4: %5 %6 vs %7 %8</source>
        <translation>Größter Unterschied %1 in Zeile %2, Spalte %3%4: %5 %6 gegen %7 %8</translation>
    </message>
    <message>
        <source> — A and B differ in size, so both are compared on the photo&apos;s %1 pixels, each pixel taking the pooled pixel drawn over it</source>
        <translation> — A und B sind verschieden groß, daher werden beide auf den %1 Pixeln des Fotos verglichen, jedes Pixel mit dem gepoolten Pixel, das darüber liegt</translation>
    </message>
    <message>
        <source>Open a photo first: the sliding window runs on a crop of it.</source>
        <translation>Zuerst ein Foto öffnen: das gleitende Fenster läuft auf einem Ausschnitt davon.</translation>
    </message>
    <message>
        <source>rows %1–%2, columns %3–%4</source>
        <translation>Zeilen %1–%2, Spalten %3–%4</translation>
    </message>
    <message>
        <source>Photo crop: %1, %2</source>
        <translation>Fotoausschnitt: %1, %2</translation>
    </message>
    <message>
        <source>The sliding window cannot run on the %1 crop: %2</source>
        <translation>Das gleitende Fenster kann nicht auf dem %1-Ausschnitt laufen: %2</translation>
    </message>
    <message>
        <source>Open a photo first: a crop of it goes to the matrix tab.</source>
        <translation>Zuerst ein Foto öffnen: ein Ausschnitt davon geht an den Matrix-Reiter.</translation>
    </message>
    <message>
        <source>Photo crop: %1, rows %2–%3, columns %4–%5 (%6)</source>
        <translation>Fotoausschnitt: %1, Zeilen %2–%3, Spalten %4–%5 (%6)</translation>
    </message>
    <message>
        <source>Sent the %1 crop (rows %2–%3, columns %4–%5, %6) to the matrix tab.</source>
        <translation>Den %1-Ausschnitt (Zeilen %2–%3, Spalten %4–%5, %6) an den Matrix-Reiter gesendet.</translation>
    </message>
    <message>
        <source>Cannot export “%1”: “%2” is not an image format PoolViz writes (use %3).</source>
        <translation>„%1“ kann nicht exportiert werden: „%2“ ist kein Bildformat, das PoolViz schreibt (%3 verwenden).</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>keine Endung</translation>
    </message>
    <message>
        <source>Cannot export “%1”: the upscale factor must be at least 1, not %2.</source>
        <translation>„%1“ kann nicht exportiert werden: der Vergrößerungsfaktor muss mindestens 1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>Cannot export the difference: turn on “Compare with B” and wait for the result.</source>
        <translation>Die Differenz kann nicht exportiert werden: „Mit B vergleichen“ einschalten und auf das Ergebnis warten.</translation>
    </message>
    <message>
        <source>Cannot export B: turn on “Compare with B” and wait for the result.</source>
        <translation>B kann nicht exportiert werden: „Mit B vergleichen“ einschalten und auf das Ergebnis warten.</translation>
    </message>
    <message>
        <source>Cannot export: there is no pooled photo yet.</source>
        <translation>Export nicht möglich: es gibt noch kein gepooltes Foto.</translation>
    </message>
    <message>
        <source>Cannot export “%1”: ×%2 makes %3 pixels, more than %4 pixels a side.</source>
        <translation>„%1“ kann nicht exportiert werden: ×%2 ergibt %3 Pixel, mehr als %4 Pixel je Seite.</translation>
    </message>
    <message>
        <source>Cannot export values: there is no %1 result yet.</source>
        <translation>Werte können nicht exportiert werden: es gibt noch kein %1 Ergebnis.</translation>
    </message>
    <message>
        <source>pooled</source>
        <translation>gepooltes</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>verglichenes</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot export values to “%1”: use .npy (all channels, float32) or .csv.</source>
        <translation>Werte können nicht nach „%1“ exportiert werden: .npy (alle Kanäle, float32) oder .csv verwenden.</translation>
    </message>
</context>
<context>
    <name>poolviz::PhotoPooler</name>
    <message>
        <source>%1 cannot pool the %2×%3 photo: %4</source>
        <translation>%1 kann das %2×%3-Foto nicht poolen: %4</translation>
    </message>
    <message>
        <source>%1 stops at level %2: level %3 would pool %4×%5, but %6</source>
        <translation>%1 endet auf Stufe %2: Stufe %3 würde %4×%5 poolen, aber %6</translation>
    </message>
    <message>
        <source>There is no photo to pool.</source>
        <translation>Es gibt kein Foto zum Poolen.</translation>
    </message>
    <message>
        <source>The pooling</source>
        <translation>Das Pooling</translation>
    </message>
    <message>
        <source>Pooling failed: %1</source>
        <translation>Pooling fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>poolviz::PhotoView</name>
    <message>
        <source>%1 · row %2, column %3: %4</source>
        <translation>%1 · Zeile %2, Spalte %3: %4</translation>
    </message>
</context>
<context>
    <name>poolviz::PhotoWorkspace</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>|A − B|</source>
        <translation>|A − B|</translation>
    </message>
    <message>
        <source>Open a photo, drop one here or paste one (%1).</source>
        <translation>Ein Foto öffnen, hier ablegen oder einfügen (%1).</translation>
    </message>
    <message>
        <source>The pooled photo appears here.</source>
        <translation>Hier erscheint das gepoolte Foto.</translation>
    </message>
    <message>
        <source>Pooling %p%</source>
        <translation>Pooling %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Pooling cancelled: change a setting to pool again.</source>
        <translation>Pooling abgebrochen: eine Einstellung ändern, um erneut zu poolen.</translation>
    </message>
    <message>
        <source>&amp;Open Photo…</source>
        <translation>Foto ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a photo in any format Qt reads (PNG, JPEG, WebP, TIFF, …)</source>
        <translation>Ein Foto in jedem Format öffnen, das Qt liest (PNG, JPEG, WebP, TIFF, …)</translation>
    </message>
    <message>
        <source>Recent &amp;Photos</source>
        <translation>&amp;Zuletzt geöffnete Fotos</translation>
    </message>
    <message>
        <source>&amp;Paste Photo</source>
        <translation>Foto &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Export Photo</source>
        <translation>Foto e&amp;xportieren</translation>
    </message>
    <message>
        <source>Pooled &amp;Image…</source>
        <translation>Gepooltes &amp;Bild…</translation>
    </message>
    <message>
        <source>Pooled &amp;Values (CSV, .npy)…</source>
        <translation>Gepoolte &amp;Werte (CSV, .npy)…</translation>
    </message>
    <message>
        <source>&amp;B Image…</source>
        <translation>Bild &amp;B…</translation>
    </message>
    <message>
        <source>&amp;Difference Image |A − B|…</source>
        <translation>&amp;Differenzbild |A − B|…</translation>
    </message>
    <message>
        <source>Difference V&amp;alues (CSV, .npy)…</source>
        <translation>Differenz&amp;werte (CSV, .npy)…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the photo into the view</source>
        <translation>Das Foto in die Ansicht einpassen</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>One screen pixel per photo pixel</source>
        <translation>Ein Bildschirmpixel je Fotopixel</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Sliding Window Here</source>
        <translation>Gleitendes Fenster hier</translation>
    </message>
    <message>
        <source>Send Crop to Matrix</source>
        <translation>Ausschnitt an Matrix senden</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Bundled sample photos</source>
        <translation>Mitgelieferte Beispielfotos</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>Beispiele…</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Keep alpha</source>
        <translation>Alpha behalten</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Größengrenze</translation>
    </message>
    <message>
        <source>Photos with more pixels are refused before they are decoded</source>
        <translation>Fotos mit mehr Pixeln werden vor dem Dekodieren abgelehnt</translation>
    </message>
    <message>
        <source> MP</source>
        <translation> MP</translation>
    </message>
    <message>
        <source>Screen pixels per photo pixel; from %1 up each pixel shows its values</source>
        <translation>Bildschirmpixel je Fotopixel; ab %1 zeigt jedes Pixel seine Werte</translation>
    </message>
    <message>
        <source>Setting A is the Parameters panel&apos;s pooling</source>
        <translation>Einstellung A ist das Pooling aus dem Parameterbereich</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Apply the pooling this many times (a pyramid)</source>
        <translation>Das Pooling so oft anwenden (eine Pyramide)</translation>
    </message>
    <message>
        <source>Level shown</source>
        <translation>Gezeigte Stufe</translation>
    </message>
    <message>
        <source>Compare with B:</source>
        <translation>Mit B vergleichen:</translation>
    </message>
    <message>
        <source>Pool with a second setting B (A&apos;s padding, dilation and rounding) and show |A − B|</source>
        <translation>Mit einer zweiten Einstellung B poolen (Padding, Dilatation und Rundung von A) und |A − B| zeigen</translation>
    </message>
    <message>
        <source>B mode</source>
        <translation>Modus B</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>B kernel</source>
        <translation>Kernel B</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>B stride</source>
        <translation>Schrittweite B</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>Window channel</source>
        <translation>Kanal des Fensters</translation>
    </message>
    <message>
        <source>crop</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>Crop size</source>
        <translation>Ausschnittgröße</translation>
    </message>
    <message>
        <source>The sliding window runs on this many pixels a side around the centre of the views</source>
        <translation>Das gleitende Fenster läuft auf so vielen Pixeln je Seite um die Mitte der Ansichten</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>No recent photos</source>
        <translation>Keine zuletzt geöffneten Fotos</translation>
    </message>
    <message>
        <source>Clear Recent Photos</source>
        <translation>Liste der zuletzt geöffneten Fotos leeren</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>Eingefügtes Bild</translation>
    </message>
    <message>
        <source>The clipboard holds no image to paste.</source>
        <translation>Die Zwischenablage enthält kein Bild zum Einfügen.</translation>
    </message>
    <message>
        <source>Original · %1 · %2 · %3</source>
        <translation>Original · %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Pooling…</source>
        <translation>Pooling…</translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation>Foto öffnen</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Bilder (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation>Abgelegtes Bild</translation>
    </message>
    <message>
        <source>Pooling %1 × %2 channel(s)</source>
        <translation>Pooling %1 × %2 Kanal/Kanäle</translation>
    </message>
    <message>
        <source> · updating…</source>
        <translation> · wird aktualisiert…</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Kein Ergebnis.</translation>
    </message>
    <message>
        <source> · level %1</source>
        <translation> · Stufe %1</translation>
    </message>
    <message>
        <source>A · %1%2 · %3</source>
        <translation>A · %1%2 · %3</translation>
    </message>
    <message>
        <source>B · %1%2 · %3</source>
        <translation>B · %1%2 · %3</translation>
    </message>
    <message>
        <source>No B result at this level.</source>
        <translation>Kein Ergebnis B auf dieser Stufe.</translation>
    </message>
    <message>
        <source>|A − B|%1 · %2</source>
        <translation>|A − B|%1 · %2</translation>
    </message>
    <message>
        <source> · shown ×%1</source>
        <translation> · gezeigt ×%1</translation>
    </message>
    <message>
        <source>No difference at this level.</source>
        <translation>Kein Unterschied auf dieser Stufe.</translation>
    </message>
    <message>
        <source> — &lt;a href=&quot;largest&quot;&gt;show it&lt;/a&gt;</source>
        <translation> — &lt;a href=&quot;largest&quot;&gt;zeigen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>rows %1–%2, columns %3–%4</source>
        <translation>Zeilen %1–%2, Spalten %3–%4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sliding window&lt;/b&gt; of A (%1) on %2 of %3, channel %4.</source>
        <translation>&lt;b&gt;Gleitendes Fenster&lt;/b&gt; von A (%1) auf %2 von %3, Kanal %4.</translation>
    </message>
    <message>
        <source> The crop starts on the stride grid, so each output cell is the pooled pixel outlined in A.</source>
        <translation> Der Ausschnitt beginnt auf dem Raster der Schrittweite, daher ist jede Ausgabezelle das in A umrandete gepoolte Pixel.</translation>
    </message>
    <message>
        <source> The crop is pooled as a matrix of its own (with its own padding or bins), so its outputs may differ from A&apos;s pixels.</source>
        <translation> Der Ausschnitt wird als eigene Matrix gepoolt (mit eigenem Padding oder eigenen Bereichen), daher können seine Ausgaben von den Pixeln von A abweichen.</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pixels).</source>
        <translation>%1 gespeichert (%2 Pixel).</translation>
    </message>
    <message>
        <source>NumPy array, all channels (*.npy)</source>
        <translation>NumPy-Array, alle Kanäle (*.npy)</translation>
    </message>
    <message>
        <source>CSV, one file per channel (*.csv)</source>
        <translation>CSV, eine Datei je Kanal (*.csv)</translation>
    </message>
    <message>
        <source>Export Values</source>
        <translation>Werte exportieren</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>These files exist already:
%1
Replace them?</source>
        <translation>Diese Dateien gibt es schon:
%1
Ersetzen?</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Pooling threads</source>
        <translation>Pooling-Threads</translation>
    </message>
    <message>
        <source>How many processor cores pool the photo (the result is the same)</source>
        <translation>Wie viele Prozessorkerne das Foto poolen (das Ergebnis ist dasselbe)</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <source>Run the sliding window of A on the %1 crop at the centre of the views (or click the picture where it should go)</source>
        <translation>Das gleitende Fenster von A auf dem %1-Ausschnitt in der Mitte der Ansichten laufen lassen (oder ins Bild klicken, wo es hin soll)</translation>
    </message>
    <message>
        <source>Make the %1 crop at the centre the matrix tab&apos;s input</source>
        <translation>Den %1-Ausschnitt in der Mitte zur Eingabe des Matrix-Reiters machen</translation>
    </message>
    <message>
        <source>Colour: pool the alpha channel as a fourth channel</source>
        <translation>Farbe: den Alphakanal als vierten Kanal poolen</translation>
    </message>
    <message>
        <source>A · pooling %1…</source>
        <translation>A · Pooling %1…</translation>
    </message>
    <message>
        <source>B · pooling %1…</source>
        <translation>B · Pooling %1…</translation>
    </message>
    <message>
        <source>|A − B| · pooling %1…</source>
        <translation>|A − B| · Pooling %1…</translation>
    </message>
    <message>
        <source>Same as the matrix</source>
        <translation>Wie die Matrix</translation>
    </message>
    <message>
        <source>Pool the photo with the Matrix tab&apos;s parameters: editing either tab&apos;s then edits both. Off, each tab keeps its own.</source>
        <translation>Das Foto mit den Parametern des Matrix-Reiters poolen: wer die eines Reiters ändert, ändert dann beide. Aus: jeder Reiter behält seine eigenen.</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>farbig</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>red channel</source>
        <translation>Rotkanal</translation>
    </message>
    <message>
        <source>green channel</source>
        <translation>Grünkanal</translation>
    </message>
    <message>
        <source>blue channel</source>
        <translation>Blaukanal</translation>
    </message>
    <message>
        <source>alpha channel</source>
        <translation>Alphakanal</translation>
    </message>
    <message>
        <source>Follow the window</source>
        <translation>Dem Fenster folgen</translation>
    </message>
    <message>
        <source>Pan the views to the window as it moves</source>
        <translation>Die Ansichten folgen dem Fenster, während es wandert</translation>
    </message>
    <message>
        <source>Send crop to matrix tab</source>
        <translation>Ausschnitt an den Matrix-Reiter senden</translation>
    </message>
    <message>
        <source>Make this crop the matrix tab&apos;s input (one undo step there)</source>
        <translation>Diesen Ausschnitt zur Eingabe des Matrix-Reiters machen (dort ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>Close the sliding window</source>
        <translation>Das gleitende Fenster schließen</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>Erster Schritt</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Schritt vor</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>poolviz::PlaybackBar</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Drag to any step (0: before the first)</source>
        <translation>Zu einem beliebigen Schritt ziehen (0: vor dem ersten)</translation>
    </message>
    <message>
        <source>Step 8888 of 8888</source>
        <translation>Schritt 8888/8888</translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation>Tem&amp;po</translation>
    </message>
    <message>
        <source>Playback speed: 1× is one step a second ([ slower, ] faster)</source>
        <translation>Abspieltempo: 1× ist ein Schritt pro Sekunde ([ langsamer, ] schneller)</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>Keine Schritte</translation>
    </message>
    <message>
        <source>Start · %1 steps</source>
        <translation>Anfang · %1 Schritte</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1/%2</translation>
    </message>
</context>
<context>
    <name>poolviz::PoolDocument</name>
    <message>
        <source> (edited)</source>
        <translation> (bearbeitet)</translation>
    </message>
    <message>
        <source>Typed matrix</source>
        <translation>Eingetippte Matrix</translation>
    </message>
    <message>
        <source>The 4×4 matrix 1…16</source>
        <translation>Die 4×4-Matrix 1…16</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>Edit cell (%1, %2)</source>
        <translation>Zelle (%1, %2) bearbeiten</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Load example %1</source>
        <translation>Beispiel %1 laden</translation>
    </message>
    <message>
        <source>Edit gradient (%1, %2)</source>
        <translation>Gradient (%1, %2) bearbeiten</translation>
    </message>
    <message>
        <source>Before the first step: %1 windows will slide over the %2 input.</source>
        <translation>Vor dem ersten Schritt: %1 Fenster werden über die %2-Eingabe gleiten.</translation>
    </message>
    <message>
        <source>Before the first step: the gradient of each of the %1 outputs will flow back to the input.</source>
        <translation>Vor dem ersten Schritt: der Gradient jeder der %1 Ausgaben wird zur Eingabe zurückfließen.</translation>
    </message>
    <message>
        <source>Before the first step: each of the %1 pooled values will be put back into a zero plane the size of the input.</source>
        <translation>Vor dem ersten Schritt: Jeder der %1 gepoolten Werte wird in eine Null-Ebene von der Größe der Eingabe zurückgelegt.</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>%1 senden</translation>
    </message>
</context>
<context>
    <name>poolviz::PredictPanel</name>
    <message>
        <source>Start predicting</source>
        <translation>Vorhersage starten</translation>
    </message>
    <message>
        <source>Hide each result until the class has guessed it</source>
        <translation>Jedes Ergebnis verbergen, bis die Klasse es geraten hat</translation>
    </message>
    <message>
        <source>Your answer, e.g. 3.5 or 1/4</source>
        <translation>Antwort, z. B. 3,5 oder 1/4</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Show the answer and the step (not scored without an answer)</source>
        <translation>Antwort und Schritt zeigen (ohne Antwort nicht gewertet)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <source>Reset score</source>
        <translation>Punkte zurücksetzen</translation>
    </message>
    <message>
        <source>Hide answers until revealed</source>
        <translation>Antworten verdeckt halten</translation>
    </message>
    <message>
        <source>For the projector: answers are recorded, and only Reveal shows whether they were right</source>
        <translation>Für den Beamer: Antworten werden gespeichert, erst „Aufdecken“ zeigt, ob sie richtig waren</translation>
    </message>
    <message>
        <source>Stop predicting</source>
        <translation>Vorhersage beenden</translation>
    </message>
    <message>
        <source>Predict mode hides the next result: click the cell you think wins, or type the value, before the stage shows it.</source>
        <translation>Der Vorhersagemodus verbirgt das nächste Ergebnis: die Zelle anklicken, die gewinnt, oder den Wert eingeben, bevor die Bühne ihn zeigt.</translation>
    </message>
    <message>
        <source>Score: %1 of %2</source>
        <translation>Punkte: %1 von %2</translation>
    </message>
</context>
<context>
    <name>poolviz::PredictSession</name>
    <message>
        <source>Nothing to predict: %1</source>
        <translation>Nichts vorherzusagen: %1</translation>
    </message>
    <message>
        <source>Nothing to predict here.</source>
        <translation>Hier gibt es nichts vorherzusagen.</translation>
    </message>
    <message>
        <source>Every step has been predicted. Score: %1 of %2.</source>
        <translation>Alle Schritte sind vorhergesagt. Punkte: %1 von %2.</translation>
    </message>
    <message>
        <source>Step %1 of %2:</source>
        <translation>Schritt %1 von %2:</translation>
    </message>
    <message>
        <source>this window holds no input cell.</source>
        <translation>dieses Fenster enthält keine Eingabezelle.</translation>
    </message>
    <message>
        <source>Before the animation: how many outputs will each row of the output have? Type the number.</source>
        <translation>Vor der Animation: Wie viele Ausgaben hat jede Zeile der Ausgabe? Zahl eingeben.</translation>
    </message>
    <message>
        <source>which input cell holds the minimum of this window? Click it.</source>
        <translation>Welche Eingabezelle enthält das Minimum dieses Fensters? Zelle anklicken.</translation>
    </message>
    <message>
        <source>which input cell holds the maximum of this window? Click it.</source>
        <translation>Welche Eingabezelle enthält das Maximum dieses Fensters? Zelle anklicken.</translation>
    </message>
    <message>
        <source>what is the average of this window? Type the value.</source>
        <translation>Wie groß ist der Mittelwert dieses Fensters? Wert eingeben.</translation>
    </message>
    <message>
        <source>what is the Lp norm of this window? Type the value.</source>
        <translation>Wie groß ist die Lp-Norm dieses Fensters? Wert eingeben.</translation>
    </message>
    <message>
        <source>what does this window output? Type the value.</source>
        <translation>Was gibt dieses Fenster aus? Wert eingeben.</translation>
    </message>
    <message>
        <source>which input cell receives the gradient %1 of output row %2, column %3? Click it.</source>
        <translation>Welche Eingabezelle erhält den Gradienten %1 der Ausgabe Zeile %2, Spalte %3? Zelle anklicken.</translation>
    </message>
    <message>
        <source>what is the input gradient at row %1, column %2 after this step? Type the value.</source>
        <translation>Wie groß ist der Eingabegradient in Zeile %1, Spalte %2 nach diesem Schritt? Wert eingeben.</translation>
    </message>
    <message>
        <source>where does the value %1 go back to? Click the input cell.</source>
        <translation>Wohin kehrt der Wert %1 zurück? Eingabezelle anklicken.</translation>
    </message>
    <message>
        <source>what does row %1, column %2 of the unpooled plane hold after this step? Type the value.</source>
        <translation>Was steht nach diesem Schritt in Zeile %1, Spalte %2 der entpoolten Ebene? Wert eingeben.</translation>
    </message>
    <message>
        <source>input row %1, column %2</source>
        <translation>Eingabe Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>“%1” is not a number: type e.g. 3, 2.5, 1/4 or −∞.</source>
        <translation>„%1“ ist keine Zahl: z. B. 3, 2,5, 1/4 oder −∞ eingeben.</translation>
    </message>
    <message>
        <source>Answer recorded. Reveal it when everyone has answered.</source>
        <translation>Antwort gespeichert. Aufdecken, wenn alle geantwortet haben.</translation>
    </message>
    <message>
        <source>each row has %1 outputs: %2</source>
        <translation>jede Zeile hat %1 Ausgaben: %2</translation>
    </message>
    <message>
        <source>the answer is input row %1, column %2</source>
        <translation>richtig ist Eingabe Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>the answer is %1</source>
        <translation>richtig ist %1</translation>
    </message>
    <message>
        <source>Revealed: %1.</source>
        <translation>Aufgedeckt: %1.</translation>
    </message>
    <message>
        <source>Right! You said %1.</source>
        <translation>Richtig! Die Antwort war %1.</translation>
    </message>
    <message>
        <source>Not quite: you said %1, %2.</source>
        <translation>Nicht ganz: Die Antwort war %1, %2.</translation>
    </message>
</context>
<context>
    <name>poolviz::PredictStrip</name>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Aufdecken</translation>
    </message>
    <message>
        <source>Show the answer and the step (R)</source>
        <translation>Die Antwort und den Schritt zeigen (R)</translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation>&amp;Nächste Frage</translation>
    </message>
    <message>
        <source>Ask about the next step (N)</source>
        <translation>Nach dem nächsten Schritt fragen (N)</translation>
    </message>
    <message>
        <source>Stop predicting</source>
        <translation>Vorhersage beenden</translation>
    </message>
    <message>
        <source>“%1” is no cell: type its row and column, e.g. 1, 2, or click it on the stage.</source>
        <translation>„%1“ ist keine Zelle: Zeile und Spalte eingeben, z. B. 1, 2, oder die Zelle auf der Bühne anklicken.</translation>
    </message>
    <message>
        <source>row, column</source>
        <translation>Zeile, Spalte</translation>
    </message>
    <message>
        <source>e.g. 3.5 or 1/4</source>
        <translation>z. B. 3,5 oder 1/4</translation>
    </message>
    <message>
        <source>Click the cell on the stage, or type its row and column.</source>
        <translation>Die Zelle auf der Bühne anklicken oder Zeile und Spalte eingeben.</translation>
    </message>
    <message>
        <source>Type the answer and press Enter.</source>
        <translation>Die Antwort eingeben und die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>Score: %1 of %2</source>
        <translation>Punkte: %1 von %2</translation>
    </message>
</context>
<context>
    <name>poolviz::PyramidStrip</name>
    <message>
        <source>Pyramid levels</source>
        <translation>Pyramidenstufen</translation>
    </message>
    <message>
        <source>Click a level to show it in the views above</source>
        <translation>Eine Stufe anklicken, um sie oben anzuzeigen</translation>
    </message>
    <message>
        <source>photo · %1</source>
        <translation>Foto · %1</translation>
    </message>
    <message>
        <source>level %1 · %2</source>
        <translation>Stufe %1 · %2</translation>
    </message>
</context>
<context>
    <name>poolviz::SceneListDock</name>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>Titel der Lektion</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Szenen</translation>
    </message>
    <message>
        <source>Click a scene to show it; drag to reorder; double-click to rename</source>
        <translation>Eine Szene anklicken, um sie zu zeigen; ziehen zum Umordnen; Doppelklick zum Umbenennen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add what is on screen as a new scene</source>
        <translation>Das Angezeigte als neue Szene hinzufügen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Replace the selected scene with what is on screen (its title and note stay)</source>
        <translation>Die gewählte Szene durch das Angezeigte ersetzen (Titel und Notiz bleiben)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Insert a copy of the selected scene after it</source>
        <translation>Eine Kopie der gewählten Szene dahinter einfügen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Move the selected scene up</source>
        <translation>Die gewählte Szene nach oben schieben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Move the selected scene down</source>
        <translation>Die gewählte Szene nach unten schieben</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected scene</source>
        <translation>Die gewählte Szene umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected scene</source>
        <translation>Die gewählte Szene löschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Teacher’s &amp;note (shown on the stage):</source>
        <translation>&amp;Notiz der Lehrkraft (auf der Bühne gezeigt):</translation>
    </message>
    <message>
        <source>What to say while this scene is shown</source>
        <translation>Was zu dieser Szene gesagt werden soll</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Lektion: %1</translation>
    </message>
    <message>
        <source>Embed Photo</source>
        <translation>Foto einbetten</translation>
    </message>
    <message>
        <source>Keep the selected photo scene&apos;s photo inside the lesson file, so the lesson travels without it (the file grows by the photo); off: only its path, relative to the lesson</source>
        <translation>Das Foto der gewählten Fotoszene in der Lektionsdatei behalten, damit die Lektion ohne die Fotodatei auskommt (die Datei wächst um das Foto); aus: nur sein Pfad, relativ zur Lektion</translation>
    </message>
</context>
<context>
    <name>poolviz::StageRenderer</name>
    <message>
        <source>top %1, bottom %2, left %3, right %4</source>
        <translation>oben %1, unten %2, links %3, rechts %4</translation>
    </message>
    <message>
        <source>SAME padding %1</source>
        <translation>SAME-Padding %1</translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation>Padding %1</translation>
    </message>
    <message>
        <source>no input → %1</source>
        <translation>keine Eingabe → %1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>VALID: no padding</source>
        <translation>VALID: kein Padding</translation>
    </message>
    <message>
        <source>no padding</source>
        <translation>kein Padding</translation>
    </message>
    <message>
        <source> (padding %1)</source>
        <translation> (Padding %1)</translation>
    </message>
    <message>
        <source>padding counts as %1</source>
        <translation>Padding zählt als %1</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>oben %1</translation>
    </message>
    <message>
        <source>bottom %1</source>
        <translation>unten %1</translation>
    </message>
    <message>
        <source>left %1</source>
        <translation>links %1</translation>
    </message>
    <message>
        <source>right %1</source>
        <translation>rechts %1</translation>
    </message>
    <message>
        <source>SAME padding %1 (%2)</source>
        <translation>SAME-Padding %1 (%2)</translation>
    </message>
    <message>
        <source>padding %1 (%2)</source>
        <translation>Padding %1 (%2)</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>global %1</source>
        <translation>globales %1</translation>
    </message>
    <message>
        <source>adaptive %1</source>
        <translation>adaptives %1</translation>
    </message>
    <message>
        <source>%1 %2, stride %3</source>
        <translation>%1 %2, Schrittweite %3</translation>
    </message>
    <message>
        <source>, dilation %1</source>
        <translation>, Dilatation %1</translation>
    </message>
    <message>
        <source>, ceil mode</source>
        <translation>, Ceil-Modus</translation>
    </message>
    <message>
        <source>Upstream gradient</source>
        <translation>Upstream-Gradient</translation>
    </message>
    <message>
        <source>∂L/∂output %1</source>
        <translation>∂L/∂Ausgabe %1</translation>
    </message>
    <message>
        <source>Input gradient</source>
        <translation>Eingabegradient</translation>
    </message>
    <message>
        <source>∂L/∂input %1, running sum</source>
        <translation>∂L/∂Eingabe %1, laufende Summe</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>das Maximum</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>das Minimum</translation>
    </message>
    <message>
        <source>average</source>
        <translation>der Mittelwert</translation>
    </message>
    <message>
        <source>L%1 norm</source>
        <translation>die L%1-Norm</translation>
    </message>
    <message>
        <source>one window over the whole %1 input (global pooling)</source>
        <translation>ein Fenster über die ganze %1-Eingabe (globales Pooling)</translation>
    </message>
    <message>
        <source>1 adaptive bin over a %1 input (bins may overlap)</source>
        <translation>1 adaptiver Bereich über einer %1-Eingabe (Bereiche dürfen sich überlappen)</translation>
    </message>
    <message>
        <source>%1 adaptive bins over a %2 input (bins may overlap)</source>
        <translation>%1 adaptive Bereiche über einer %2-Eingabe (Bereiche dürfen sich überlappen)</translation>
    </message>
    <message>
        <source>1 window of %1, stride %2</source>
        <translation>1 Fenster von %1, Schrittweite %2</translation>
    </message>
    <message>
        <source>%1 windows of %2, stride %3</source>
        <translation>%1 Fenster von %2, Schrittweite %3</translation>
    </message>
    <message>
        <source>, over a %1 input</source>
        <translation>, über einer %1-Eingabe</translation>
    </message>
    <message>
        <source>Ready: %1. Each window&apos;s %2 becomes one cell of the %3 output.</source>
        <translation>Bereit: %1. Von jedem Fenster wird %2 zu einer Zelle der %3-Ausgabe.</translation>
    </message>
    <message>
        <source>only the cell that held the window&apos;s %1 receives it</source>
        <translation>nur die Zelle, die %1 des Fensters hielt, erhält ihn</translation>
    </message>
    <message>
        <source>it is shared evenly, g ÷ divisor to each input cell of the window</source>
        <translation>er wird gleichmäßig verteilt, g ÷ Divisor an jede Eingabezelle des Fensters</translation>
    </message>
    <message>
        <source>each input cell of the window receives its share ∂y/∂x</source>
        <translation>jede Eingabezelle des Fensters erhält ihren Anteil ∂y/∂x</translation>
    </message>
    <message>
        <source>Ready for the backward pass: %1. The gradient of each of the %2 output cells flows back through its window; %3.</source>
        <translation>Bereit für den Rückwärtsdurchlauf: %1. Der Gradient jeder der %2 Ausgabezellen fließt durch ihr Fenster zurück; %3.</translation>
    </message>
    <message>
        <source>nothing to show: the input is empty</source>
        <translation>nichts zu zeigen: die Eingabe ist leer</translation>
    </message>
    <message>
        <source>past
edge</source>
        <translation>jenseits
Rand</translation>
    </message>
    <message>
        <source>Output size (rows and columns):  %1</source>
        <translation>Ausgabegröße (Zeilen und Spalten):  %1</translation>
    </message>
    <message>
        <source>Output rows:  %1
Output columns:  %2</source>
        <translation>Ausgabezeilen:  %1
Ausgabespalten:  %2</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>ring: the minimum</source>
        <translation>Ring: das Minimum</translation>
    </message>
    <message>
        <source>ring: the maximum</source>
        <translation>Ring: das Maximum</translation>
    </message>
    <message>
        <source>grey: padding, −∞ (never wins)</source>
        <translation>grau: Padding, −∞ (gewinnt nie)</translation>
    </message>
    <message>
        <source>grey: padding, +∞ (never wins)</source>
        <translation>grau: Padding, +∞ (gewinnt nie)</translation>
    </message>
    <message>
        <source>grey: padding, 0, counted in the divisor</source>
        <translation>grau: Padding, 0, im Divisor mitgezählt</translation>
    </message>
    <message>
        <source>grey: padding, 0, not counted (not boxed)</source>
        <translation>grau: Padding, 0, nicht mitgezählt (ohne Rahmen)</translation>
    </message>
    <message>
        <source>grey: padding, left out</source>
        <translation>grau: Padding, ausgelassen</translation>
    </message>
    <message>
        <source>hatched: no window reads this cell</source>
        <translation>schraffiert: kein Fenster liest diese Zelle</translation>
    </message>
    <message>
        <source>dashed: past the edge (ceil mode), never read</source>
        <translation>gestrichelt: jenseits des Randes (Ceil-Modus), nie gelesen</translation>
    </message>
    <message>
        <source>green: gradient added now; ×n: windows that added so far</source>
        <translation>grün: jetzt addierter Gradient; ×n: Fenster, die bisher addiert haben</translation>
    </message>
    <message>
        <source>pale blue: not computed yet</source>
        <translation>hellblau: noch nicht berechnet</translation>
    </message>
    <message>
        <source>purple: under the mouse, with what it reads or feeds</source>
        <translation>violett: unter der Maus, mit dem, was es liest oder speist</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>%1 more in the Frameworks panel</source>
        <translation>%1 weitere im Frameworks-Bereich</translation>
    </message>
    <message>
        <source>Ready to unpool: %1. Each of the %2 pooled values goes back to the input cell its %3 came from; every other cell stays 0.</source>
        <translation>Bereit zum Entpoolen: %1. Jeder der %2 gepoolten Werte kehrt in die Eingabezelle zurück, aus der sein %3 stammt; alle anderen Zellen bleiben 0.</translation>
    </message>
    <message>
        <source>Ready to unpool: %1. Each of the %2 pooled values is copied to every input cell of its window; where windows overlap, a cell holds the mean of their values.</source>
        <translation>Bereit zum Entpoolen: %1. Jeder der %2 gepoolten Werte wird in jede Eingabezelle seines Fensters kopiert; wo sich Fenster überlappen, hält eine Zelle den Mittelwert ihrer Werte.</translation>
    </message>
    <message>
        <source>Pooled values</source>
        <translation>Gepoolte Werte</translation>
    </message>
    <message>
        <source>to unpool %1</source>
        <translation>zum Entpoolen %1</translation>
    </message>
    <message>
        <source>Unpooled</source>
        <translation>Entpoolt</translation>
    </message>
    <message>
        <source>%1, values at their argmax</source>
        <translation>%1, Werte an ihrem Argmax</translation>
    </message>
    <message>
        <source>%1, values spread over windows</source>
        <translation>%1, Werte über ihre Fenster verteilt</translation>
    </message>
</context>
<context>
    <name>poolviz::StageWidget</name>
    <message>
        <source>… %1 more</source>
        <translation>… %1 weitere</translation>
    </message>
    <message>
        <source>Pooling stage</source>
        <translation>Pooling-Bühne</translation>
    </message>
    <message>
        <source>No output with these parameters</source>
        <translation>Keine Ausgabe mit diesen Parametern</translation>
    </message>
    <message>
        <source>Change the kernel, stride, padding, dilation or ceil mode in the Pooling panel; Undo (Ctrl+Z) goes back.</source>
        <translation>Kernel, Schrittweite, Padding, Dilatation oder Ceil-Modus im Pooling-Bereich ändern; Rückgängig (Strg+Z) geht zurück.</translation>
    </message>
    <message>
        <source>the dilation %1 skips it</source>
        <translation>die Dilatation %1 überspringt sie</translation>
    </message>
    <message>
        <source>the stride %1 skips it</source>
        <translation>die Schrittweite %1 überspringt sie</translation>
    </message>
    <message>
        <source>No window covers row %1, column %2: %3</source>
        <translation>Kein Fenster überdeckt Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source> (ceil mode would add a partial window that covers it)</source>
        <translation> (der Ceil-Modus würde ein Teilfenster hinzufügen, das sie überdeckt)</translation>
    </message>
    <message>
        <source>max reads it as −∞, so it never wins</source>
        <translation>Max liest sie als −∞, daher gewinnt sie nie</translation>
    </message>
    <message>
        <source>min reads it as +∞, so it never wins</source>
        <translation>Min liest sie als +∞, daher gewinnt sie nie</translation>
    </message>
    <message>
        <source>average adds 0 and counts it in the divisor (count_include_pad)</source>
        <translation>der Mittelwert addiert 0 und zählt sie im Divisor mit (count_include_pad)</translation>
    </message>
    <message>
        <source>average adds 0 and does not count it in the divisor</source>
        <translation>der Mittelwert addiert 0 und zählt sie im Divisor nicht mit</translation>
    </message>
    <message>
        <source>Lp leaves it out</source>
        <translation>Lp lässt sie aus</translation>
    </message>
    <message>
        <source>Padding at row %1, column %2: %3</source>
        <translation>Padding in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source> (value %1)</source>
        <translation> (Wert %1)</translation>
    </message>
    <message numerus="yes">
        <source>Input row %1, column %2 = %3
Read by %n window(s): output </source>
        <translation>
            <numerusform>Eingabe Zeile %1, Spalte %2 = %3
Gelesen von %n Fenster: Ausgabe </numerusform>
            <numerusform>Eingabe Zeile %1, Spalte %2 = %3
Gelesen von %n Fenstern: Ausgabe </numerusform>
        </translation>
    </message>
    <message>
        <source>
Its gradient after this step: %1 (final %2)</source>
        <translation>
Ihr Gradient nach diesem Schritt: %1 (am Ende %2)</translation>
    </message>
    <message>
        <source>Output row %1, column %2 = %3</source>
        <translation>Ausgabe Zeile %1, Spalte %2 = %3</translation>
    </message>
    <message>
        <source>
Filled at step %1 of %2 (click to go there)</source>
        <translation>
Gefüllt in Schritt %1 von %2 (Klick springt dorthin)</translation>
    </message>
    <message>
        <source>Upstream gradient ∂L/∂y at output (%1, %2) = %3
It flows back at step %4 of %5 (click to go there)</source>
        <translation>Upstream-Gradient ∂L/∂y bei Ausgabe (%1, %2) = %3
Er fließt in Schritt %4 von %5 zurück (Klick springt dorthin)</translation>
    </message>
    <message numerus="yes">
        <source>Input gradient ∂L/∂x at row %1, column %2: %3 after this step, %4 in the end
Gradients can come from %n window(s): output </source>
        <translation>
            <numerusform>Eingabegradient ∂L/∂x in Zeile %1, Spalte %2: %3 nach diesem Schritt, %4 am Ende
Gradienten können von %n Fenster kommen: Ausgabe </numerusform>
            <numerusform>Eingabegradient ∂L/∂x in Zeile %1, Spalte %2: %3 nach diesem Schritt, %4 am Ende
Gradienten können von %n Fenstern kommen: Ausgabe </numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>sample %1, channel %2</source>
        <translation>Probe %1, Kanal %2</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Pooled value at output (%1, %2) = %3
It is unpooled at step %4 of %5 (click to go there)</source>
        <translation>Gepoolter Wert an Ausgabe (%1, %2) = %3
Er wird in Schritt %4 von %5 entpoolt (klicken, um dorthin zu gehen)</translation>
    </message>
    <message numerus="yes">
        <source>Unpooled row %1, column %2: %3 after this step, %4 in the end
Values can come from %n window(s): output </source>
        <translation>
            <numerusform>Entpoolt Zeile %1, Spalte %2: %3 nach diesem Schritt, %4 am Ende
Werte können aus %n Fenster kommen: Ausgabe </numerusform>
            <numerusform>Entpoolt Zeile %1, Spalte %2: %3 nach diesem Schritt, %4 am Ende
Werte können aus %n Fenstern kommen: Ausgabe </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poolviz::StrideExplorer</name>
    <message>
        <source>Stride explorer tiles</source>
        <translation>Kacheln des Schrittweiten-Explorers</translation>
    </message>
    <message>
        <source>Click to use this setting</source>
        <translation>Klicken, um diese Einstellung zu übernehmen</translation>
    </message>
    <message>
        <source>Vary the stride</source>
        <translation>Schrittweite variieren</translation>
    </message>
    <message>
        <source>Vary the kernel size</source>
        <translation>Kernelgröße variieren</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Pool the matrix, or the photo of the Photo tab</source>
        <translation>Die Matrix poolen oder das Foto des Foto-Tabs</translation>
    </message>
    <message>
        <source>Choose %1 in the stride explorer</source>
        <translation>%1 im Schrittweiten-Explorer wählen</translation>
    </message>
    <message>
        <source>Open a photo in the Photo tab (the stripes test pattern shows aliasing best).</source>
        <translation>Ein Foto im Foto-Tab öffnen (das Streifen-Testmuster zeigt Aliasing am besten).</translation>
    </message>
    <message>
        <source>Adaptive and global pooling choose their own windows: there is no stride to vary.</source>
        <translation>Adaptives und globales Pooling wählen ihre Fenster selbst: Es gibt keine Schrittweite zu variieren.</translation>
    </message>
    <message>
        <source>%1 pooled with %2 %3×%4 at each setting</source>
        <translation>%1, gepoolt mit %2 %3×%4 bei jeder Einstellung</translation>
    </message>
    <message>
        <source>Kernel %1×%2 at stride 1 to %3: where windows overlap and which cells no window reads</source>
        <translation>Kernel %1×%2 mit Schrittweite 1 bis %3: wo sich Fenster überlappen und welche Zellen kein Fenster liest</translation>
    </message>
    <message>
        <source>Kernel 1 to %1 at the current stride</source>
        <translation>Kernel 1 bis %1 bei der aktuellen Schrittweite</translation>
    </message>
    <message>
        <source>Pooling %1 at each setting…</source>
        <translation>%1 wird bei jeder Einstellung gepoolt …</translation>
    </message>
</context>
<context>
    <name>poolviz::VariantTilePainter</name>
    <message>
        <source>stride %1</source>
        <translation>Schrittweite %1</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>Kernel %1</translation>
    </message>
    <message>
        <source>(now)</source>
        <translation>(aktuell)</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>1 cell never read</source>
        <translation>1 Zelle nie gelesen</translation>
    </message>
    <message>
        <source>%1 cells never read</source>
        <translation>%1 Zellen nie gelesen</translation>
    </message>
    <message>
        <source>overlap up to %1</source>
        <translation>Überlappung bis %1</translation>
    </message>
    <message>
        <source>every cell read once</source>
        <translation>jede Zelle einmal gelesen</translation>
    </message>
    <message>
        <source>windows per cell</source>
        <translation>Fenster pro Zelle</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
</TS>
