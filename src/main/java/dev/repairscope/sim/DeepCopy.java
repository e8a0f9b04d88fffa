package dev.repairscope.sim;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies a whole running simulation (a snapshot): every object reachable from the root, with the
 * same sharing and cycles, so the copy runs on exactly as the original would have. Immutable values
 * (strings, boxes, enums, {@link Shared} classes, records of those) are shared, not copied.
 *
 * <p>Why by reflection: the event queue holds lambdas that capture the objects they act on, and
 * Java serialization of the whole state is ten times slower (and needs every lambda serializable).
 * Lambdas are copied through their captured values and their constructor. The JDK collections the
 * simulation uses are rebuilt through their public API; any other JDK type stops the copy with the
 * path that reached it, so a new field of an unsupported type fails the snapshot tests, not a run.
 * A copied {@code HashMap} may iterate in another order (its table is sized afresh): nothing the
 * simulation journals may depend on a hash order (it uses insertion- or key-ordered maps where
 * order matters); {@code RunCopyTest} and the fault fuzzer check copies taken at random points.
 */
public final class DeepCopy {

    /** Instances never change once built: copies share them. */
    public interface Shared {
    }

    /** A class that makes its own copy (to share what it never changes). */
    public interface Custom {
        /** Returns the copy; must call {@link DeepCopy#remember} before copying anything that may lead back. */
        Object copyWith(DeepCopy copier);
    }

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>(1 << 12);

    private DeepCopy() {
    }

    /** A deep copy of {@code root}. */
    @SuppressWarnings("unchecked")
    public static <T> T of(T root) {
        return (T) new DeepCopy().copy(root);
    }

    /** Records {@code copy} as the copy of {@code original}, so cycles back to it close. */
    public void remember(Object original, Object copy) {
        copies.put(original, copy);
    }

    /** The copy of {@code value} (itself when it is shared). */
    @SuppressWarnings("unchecked")
    public <T> T copy(T value) {
        if (value == null) {
            return null;
        }
        Shape shape = SHAPES.get(value.getClass());
        if (shape.kind == Kind.SHARED) {
            return value;
        }
        Object done = copies.get(value);
        if (done != null) {
            return (T) done;
        }
        return (T) copyNew(value, shape);
    }

    private Object copyNew(Object value, Shape shape) {
        return switch (shape.kind) {
            case SHARED -> value;
            case CUSTOM -> ((Custom) value).copyWith(this);
            case OBJECT -> copyObject(value, shape);
            case LAMBDA -> copyLambda(value, shape);
            case RECORD -> copyRecord(value, shape);
            case OBJECT_ARRAY -> copyArray((Object[]) value);
            case PRIMITIVE_ARRAY -> copyPrimitiveArray(value);
            case COLLECTION -> copyCollection(value);
            case MAP -> copyMap(value);
            case UNSUPPORTED -> throw new IllegalArgumentException("cannot copy a " + value.getClass().getName());
        };
    }

    private Object copyObject(Object value, Shape shape) {
        Object copy;
        try {
            copy = UNSAFE.allocateInstance(value.getClass());
        } catch (InstantiationException e) {
            throw new IllegalArgumentException("cannot allocate a " + value.getClass().getName(), e);
        }
        remember(value, copy);
        for (int i = 0; i < shape.offsets.length; i++) {
            long offset = shape.offsets[i];
            try {
                switch (shape.types[i]) {
                    case 'L' -> UNSAFE.putObject(copy, offset, copy(UNSAFE.getObject(value, offset)));
                    case 'J' -> UNSAFE.putLong(copy, offset, UNSAFE.getLong(value, offset));
                    case 'I' -> UNSAFE.putInt(copy, offset, UNSAFE.getInt(value, offset));
                    case 'D' -> UNSAFE.putDouble(copy, offset, UNSAFE.getDouble(value, offset));
                    case 'Z' -> UNSAFE.putBoolean(copy, offset, UNSAFE.getBoolean(value, offset));
                    case 'F' -> UNSAFE.putFloat(copy, offset, UNSAFE.getFloat(value, offset));
                    case 'S' -> UNSAFE.putShort(copy, offset, UNSAFE.getShort(value, offset));
                    case 'B' -> UNSAFE.putByte(copy, offset, UNSAFE.getByte(value, offset));
                    default -> UNSAFE.putChar(copy, offset, UNSAFE.getChar(value, offset));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(value.getClass().getName() + "." + shape.names[i] + " -> " + e.getMessage(), e);
            }
        }
        return copy;
    }

    /** A capturing lambda: copy what it captured, then build a new one through its constructor. */
    private Object copyLambda(Object value, Shape shape) {
        Object[] captured = new Object[shape.fields.length];
        try {
            for (int i = 0; i < captured.length; i++) {
                captured[i] = copy(shape.fields[i].get(value));
            }
            Object again = copies.get(value); // copied meanwhile through a cycle: keep one copy
            if (again != null) {
                return again;
            }
            Object copy = shape.constructor.newInstance(captured);
            remember(value, copy);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot copy the lambda " + value.getClass().getName(), e);
        }
    }

    /** A record: shared when every component copies to itself, else rebuilt from the copies. */
    private Object copyRecord(Object value, Shape shape) {
        Object[] components = new Object[shape.fields.length];
        boolean same = true;
        try {
            for (int i = 0; i < components.length; i++) {
                Object original = shape.fields[i].get(value);
                components[i] = copy(original);
                same &= components[i] == original;
            }
            Object again = copies.get(value);
            if (again != null) {
                return again;
            }
            Object copy = same ? value : shape.constructor.newInstance(components);
            remember(value, copy);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot copy the record " + value.getClass().getName(), e);
        }
    }

    private Object[] copyArray(Object[] value) {
        Object[] copy = value.clone();
        remember(value, copy);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy(value[i]);
        }
        return copy;
    }

    private Object copyPrimitiveArray(Object value) {
        Object copy = cloneArray(value);
        remember(value, copy);
        return copy;
    }

    private static Object cloneArray(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copyCollection(Object value) {
        java.util.Collection<Object> original = (java.util.Collection<Object>) value;
        java.util.Collection<Object> copy;
        if (value instanceof ArrayList<?> list) {
            copy = new ArrayList<>(list.size());
        } else if (value instanceof ArrayDeque<?>) {
            copy = new ArrayDeque<>(original.size());
        } else if (value instanceof LinkedHashSet<?>) {
            copy = new LinkedHashSet<>(capacity(original.size()));
        } else if (value instanceof HashSet<?>) {
            copy = new HashSet<>(capacity(original.size()));
        } else if (value instanceof TreeSet<?> set) {
            copy = new TreeSet<>((java.util.Comparator) copy(set.comparator()));
        } else if (value instanceof PriorityQueue<?> queue) {
            copy = new PriorityQueue<>(Math.max(1, queue.size()), (java.util.Comparator) copy(queue.comparator()));
        } else if (isImmutable(value)) {
            return copyImmutable(original);
        } else {
            throw new IllegalArgumentException("cannot copy a " + value.getClass().getName());
        }
        remember(value, copy);
        for (Object element : original) {
            copy.add(copy(element));
        }
        return copy;
    }

    /** List.of / Set.of: immutable, shared unless an element needed copying. */
    private Object copyImmutable(java.util.Collection<Object> original) {
        Object[] elements = original.toArray();
        boolean same = true;
        for (int i = 0; i < elements.length; i++) {
            Object element = elements[i];
            elements[i] = copy(element);
            same &= elements[i] == element;
        }
        if (same) {
            return original; // nothing inside needed copying: the very same list serves both runs
        }
        Object copy = original instanceof List<?> ? List.of(elements) : Set.of(elements);
        remember(original, copy);
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copyMap(Object value) {
        Map<Object, Object> original = (Map<Object, Object>) value;
        if (!(value instanceof EnumMap<?, ?>) && !isImmutable(value) && keysAreShared(original)) {
            return copyMapOfSharedKeys(original);
        }
        Map<Object, Object> copy;
        if (value instanceof LinkedHashMap<?, ?>) {
            copy = new LinkedHashMap<>(capacity(original.size()));
        } else if (value instanceof HashMap<?, ?>) {
            copy = new HashMap<>(capacity(original.size()));
        } else if (value instanceof TreeMap<?, ?> tree) {
            copy = new TreeMap<>((java.util.Comparator) copy(tree.comparator()));
        } else if (value instanceof EnumMap<?, ?> enumMap) {
            copy = new EnumMap(enumMap);
        } else if (isImmutable(value)) {
            return copyImmutableMap(original);
        } else {
            throw new IllegalArgumentException("cannot copy a " + value.getClass().getName());
        }
        remember(value, copy);
        for (Map.Entry<Object, Object> entry : original.entrySet()) {
            copy.put(copy(entry.getKey()), copy(entry.getValue()));
        }
        return copy;
    }

    /**
     * The common case (string or number keys): the JDK copies the map's structure in one pass (a
     * tree in linear time), then the values are replaced by their copies in place.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copyMapOfSharedKeys(Map<Object, Object> original) {
        Map<Object, Object> copy;
        if (original instanceof LinkedHashMap<?, ?>) {
            copy = new LinkedHashMap<>(original);
        } else if (original instanceof HashMap<?, ?>) {
            copy = new HashMap<>(original);
        } else if (original instanceof TreeMap<?, ?> tree && copy(tree.comparator()) == tree.comparator()) {
            copy = new TreeMap<>((java.util.SortedMap) tree);
        } else {
            throw new IllegalArgumentException("cannot copy a " + original.getClass().getName());
        }
        remember(original, copy);
        copy.replaceAll((key, value) -> copy(value));
        return copy;
    }

    private static boolean keysAreShared(Map<Object, Object> map) {
        if (!(map instanceof HashMap<?, ?>) && !(map instanceof TreeMap<?, ?>)) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (key != null && SHAPES.get(key.getClass()).kind != Kind.SHARED) {
                return false;
            }
        }
        return true;
    }

    private Object copyImmutableMap(Map<Object, Object> original) {
        boolean same = true;
        Map<Object, Object> copied = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : original.entrySet()) {
            Object key = copy(entry.getKey());
            Object val = copy(entry.getValue());
            same &= key == entry.getKey() && val == entry.getValue();
            copied.put(key, val);
        }
        if (same) {
            return original;
        }
        Object copy = Map.copyOf(copied);
        remember(original, copy);
        return copy;
    }

    /** List.of, Set.of, Map.of and their copyOf: the JDK's unmodifiable collections. */
    private static boolean isImmutable(Object value) {
        return value.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }

    // ---- what a class looks like to the copier, worked out once per class -----------------------

    private enum Kind { SHARED, CUSTOM, OBJECT, LAMBDA, RECORD, OBJECT_ARRAY, PRIMITIVE_ARRAY, COLLECTION, MAP, UNSUPPORTED }

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, Class.class,
            java.math.BigInteger.class, java.math.BigDecimal.class);

    private static final class Shape {
        final Kind kind;
        long[] offsets = new long[0];
        char[] types = new char[0];
        String[] names = new String[0];
        Field[] fields = new Field[0];
        Constructor<?> constructor;

        private Shape(Kind kind) {
            this.kind = kind;
        }

        static Shape of(Class<?> type) {
            if (VALUES.contains(type) || Enum.class.isAssignableFrom(type) || Shared.class.isAssignableFrom(type)) {
                return new Shape(Kind.SHARED);
            }
            if (Custom.class.isAssignableFrom(type)) {
                return new Shape(Kind.CUSTOM);
            }
            if (type.isArray()) {
                return new Shape(type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.OBJECT_ARRAY);
            }
            if (java.util.Collection.class.isAssignableFrom(type) && isJdk(type)) {
                return new Shape(Kind.COLLECTION);
            }
            if (Map.class.isAssignableFrom(type) && isJdk(type)) {
                return new Shape(Kind.MAP);
            }
            if (type.isHidden()) {
                return isJdk(type) ? new Shape(Kind.SHARED) : lambda(type); // JDK combinators (comparators) hold no run state
            }
            if (isJdk(type)) { // the JDK's comparators order by what they are given, they hold no run state
                return new Shape(java.util.Comparator.class.isAssignableFrom(type) ? Kind.SHARED : Kind.UNSUPPORTED);
            }
            if (type.isRecord()) {
                return immutable(type, new HashSet<>()) ? new Shape(Kind.SHARED) : record(type);
            }
            return object(type);
        }

        /** Values, enums, {@link Shared} types, and records made only of those: nothing in them can change. */
        private static boolean immutable(Class<?> type, Set<Class<?>> seen) {
            if (type.isPrimitive() || VALUES.contains(type) || type.isEnum() || Shared.class.isAssignableFrom(type)) {
                return true;
            }
            if (!type.isRecord() || !seen.add(type)) {
                return type.isRecord(); // a record met again on the way down is judged where it was first met
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (!immutable(component.getType(), seen)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isJdk(Class<?> type) {
            String name = type.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
        }

        private static Shape lambda(Class<?> type) {
            Field[] fields = instanceFields(type).toArray(Field[]::new);
            if (fields.length == 0) {
                return new Shape(Kind.SHARED); // captures nothing: one instance serves everyone
            }
            Shape shape = new Shape(Kind.LAMBDA);
            for (Field field : fields) {
                field.setAccessible(true);
            }
            shape.fields = fields;
            shape.constructor = type.getDeclaredConstructors()[0];
            shape.constructor.setAccessible(true);
            return shape;
        }

        private static Shape record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Shape shape = new Shape(Kind.RECORD);
            shape.fields = new Field[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    shape.fields[i] = type.getDeclaredField(components[i].getName());
                    shape.fields[i].setAccessible(true);
                    parameterTypes[i] = components[i].getType();
                }
                shape.constructor = type.getDeclaredConstructor(parameterTypes);
                shape.constructor.setAccessible(true);
            } catch (NoSuchFieldException | NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its fields and canonical constructor", e);
            }
            return shape;
        }

        private static Shape object(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (isJdk(c)) {
                    return new Shape(Kind.UNSUPPORTED); // a subclass of a JDK class: its inner state is out of reach
                }
                fields.addAll(instanceFields(c));
            }
            if (fields.isEmpty()) {
                return new Shape(Kind.SHARED); // stateless: nothing to copy
            }
            Shape shape = new Shape(Kind.OBJECT);
            shape.offsets = new long[fields.size()];
            shape.types = new char[fields.size()];
            shape.names = new String[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                shape.offsets[i] = UNSAFE.objectFieldOffset(field);
                shape.types[i] = typeCode(field.getType());
                shape.names[i] = field.getName();
            }
            return shape;
        }

        private static List<Field> instanceFields(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
            return fields;
        }

        private static char typeCode(Class<?> type) {
            if (!type.isPrimitive()) {
                return 'L';
            }
            return switch (type.getName()) {
                case "long" -> 'J';
                case "int" -> 'I';
                case "double" -> 'D';
                case "boolean" -> 'Z';
                case "float" -> 'F';
                case "short" -> 'S';
                case "byte" -> 'B';
                default -> 'C';
            };
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Unsafe is part of every OpenJDK (module jdk.unsupported)", e);
        }
    }
}
